import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { authorizePeople } from '../policy.ts';
import { loadResident } from '../queries/residents.ts';
import { residenceHistory, residents } from '../schema.ts';
import { fieldError } from './register-errors.ts';

/**
 * 迁出: the resident leaves their house (and the area) on `movedOutOn`. The open residence is
 * closed, the record stays (history, past cases and services keep their person); a later move
 * into a house in scope brings them back.
 */
export async function moveOut(db: Db, actor: Actor, id: number, movedOutOn: string): Promise<void> {
  authorizePeople(actor, 'write', null);
  await withTx(db, async (tx) => {
    const row = await loadResident(tx, actor, id);
    authorizePeople(actor, 'write', row);
    if (row.movedOutOn) throw fieldError('movedOutOn', '迁出日期', `该居民已于 ${row.movedOutOn} 迁出`);
    const [open] = await tx
      .select({ id: residenceHistory.id, fromOn: residenceHistory.fromOn })
      .from(residenceHistory)
      .where(and(eq(residenceHistory.residentId, id), isNull(residenceHistory.toOn)));
    const since = open?.fromOn ?? row.movedInOn;
    if (since && movedOutOn < since) throw fieldError('movedOutOn', '迁出日期', `不能早于入住日期 ${since}`);
    if (open) await tx.update(residenceHistory).set({ toOn: movedOutOn }).where(eq(residenceHistory.id, open.id));
    await tx.update(residents).set({ movedOutOn, updatedAt: new Date() }).where(eq(residents.id, id));
    await recordAudit(tx, actor, {
      action: 'people.resident.move_out',
      targetType: 'resident',
      targetId: id,
      scopePath: row.scopePath,
      summary: { houseId: row.houseNodeId, movedOutOn },
    });
  });
}
