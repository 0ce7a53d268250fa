import { CASE_REVEAL_ACTION } from '../../../../contracts/case-contact.ts';
import type { AppDeps } from '../../../app-deps.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { createFieldCipher } from '../../../platform/crypto.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { caseFacts, loadCaseInScope } from '../load-case.ts';
import { canRevealReporterContact } from '../policy.ts';

/**
 * Shows a case's reporter phone whole, logged exactly like a base-data reveal (people's
 * revealResident): who, when, which case, the reason, the case's path so the community secretary
 * sees it in the reveal log. The audit row is written in the same transaction, before the number
 * leaves the server: no audit, no reveal. Outside the actor's cases 404, in sight but not theirs 403.
 */
export async function revealReporterContact(
  deps: AppDeps,
  actor: Actor,
  id: number,
  reason: string,
  ip: string | null,
) {
  return withTx(deps.db, async (tx) => {
    const row = await loadCaseInScope(tx, actor, id);
    if (!canRevealReporterContact(actor, await caseFacts(tx, row)))
      throw new AppError('FORBIDDEN', { message: '只有办理该案件的人员可以查看反映人电话' });
    if (!row.reporterPhoneEnc) return { id: row.id, phone: null };
    await recordAudit(tx, actor, {
      action: CASE_REVEAL_ACTION,
      targetType: 'case',
      targetId: row.id,
      scopePath: row.scopePath,
      summary: {
        reason,
        name: `案件 ${row.caseNo} 反映人${row.reporterName ? ` ${row.reporterName}` : ''}`,
        caseNo: row.caseNo,
        fields: ['reporterPhone'],
      },
      ip,
    });
    return { id: row.id, phone: createFieldCipher(deps.config.dataKey).decrypt(row.reporterPhoneEnc) };
  });
}
