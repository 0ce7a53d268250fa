import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import type { PiiCodec } from '../pii.ts';
import { authorizePeople } from '../policy.ts';
import { loadResident } from '../queries/residents.ts';

/**
 * Shows one resident's identity number and phone whole. The audit row (with the reason and the
 * house's path, so the community secretary sees it in the reveal log) commits before the values
 * leave the server: no audit, no reveal.
 */
export async function revealResident(
  db: Db,
  codec: PiiCodec,
  actor: Actor,
  id: number,
  reason: string,
  ip: string | null,
) {
  return withTx(db, async (tx) => {
    const row = await loadResident(tx, actor, id);
    authorizePeople(actor, 'reveal', row);
    await recordAudit(tx, actor, {
      action: 'people.reveal',
      targetType: 'resident',
      targetId: row.id,
      scopePath: row.scopePath,
      summary: { reason, name: row.name, fields: ['idNumber', 'phone'] },
      ip,
    });
    return {
      id: row.id,
      idNumber: codec.open(row.idCipher),
      phone: row.phoneCipher ? codec.open(row.phoneCipher) : null,
    };
  });
}
