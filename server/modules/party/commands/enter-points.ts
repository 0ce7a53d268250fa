import type { z } from 'zod';
import type { enterPointsBody } from '../../../../contracts/party.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { invalid } from '../../../platform/errors.ts';
import { loadMemberFor } from '../load-member.ts';
import type { PartyViewer } from '../membership.ts';
import { authorizeMember } from '../policy.ts';
import { awardPoints } from '../points.ts';

/**
 * A record the branch enters with evidence (an activity the platform cannot see by itself).
 * The client's entryKey is the source id, so a double-submitted form credits once.
 */
export async function enterPoints(db: Db, v: PartyViewer, memberId: number, input: z.infer<typeof enterPointsBody>) {
  return withTx(db, async (tx) => {
    const member = await loadMemberFor(tx, v, memberId);
    authorizeMember(v, 'manage', member);
    if (input.occurredAt.getTime() > Date.now()) throw invalid('occurredAt', '发生时间不能晚于现在');
    const result = await awardPoints(tx, {
      memberId: member.id,
      sourceKind: 'manual',
      sourceId: input.entryKey,
      itemCode: input.itemCode,
      occurredAt: input.occurredAt,
      note: input.note ?? null,
      evidence: input.evidence,
      enteredBy: v.actor.userId,
    });
    if (!result) throw invalid('itemCode', '该社区没有这一需由支部登记的服务项目');
    if (result.created) {
      await recordAudit(tx, v.actor, {
        action: 'party.points.enter',
        targetType: 'party_member',
        targetId: member.id,
        scopePath: member.branchPath,
        summary: { item: result.item, points: result.points, entryKey: input.entryKey },
      });
    }
    return result;
  });
}
