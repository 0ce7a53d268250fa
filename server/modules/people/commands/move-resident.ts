import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { fieldError } from './register-errors.ts';
import { houseRefById } from '../org-refs.ts';
import { authorizePeople } from '../policy.ts';
import { loadResident } from '../queries/residents.ts';
import { bigrams } from '../rules/tokens.ts';
import { residenceHistory, residents } from '../schema.ts';

/**
 * Moves a resident to another house in scope: the old residence closes on `movedOn`, a new one
 * opens. A resident who had moved out moves back in the same way (迁入).
 */
export async function moveResident(db: Db, actor: Actor, id: number, houseId: number, movedOn: string) {
  return withTx(db, async (tx) => {
    const row = await loadResident(tx, actor, id);
    authorizePeople(actor, 'write', row);
    const house = await houseRefById(tx, houseId, actor.scopePath ?? '');
    if (!house) throw fieldError('houseId', '房屋', '房屋不存在或不在您的管辖范围内');
    if (house.id === row.houseNodeId && !row.movedOutOn) throw fieldError('houseId', '房屋', '已居住在该房屋');
    const [open] = await tx
      .select({ fromOn: residenceHistory.fromOn })
      .from(residenceHistory)
      .where(and(eq(residenceHistory.residentId, id), isNull(residenceHistory.toOn)));
    if (open?.fromOn && movedOn < open.fromOn)
      throw fieldError('movedOn', '搬迁日期', `不能早于入住日期 ${open.fromOn}`);
    if (row.movedOutOn && movedOn < row.movedOutOn)
      throw fieldError('movedOn', '搬迁日期', `不能早于迁出日期 ${row.movedOutOn}`);
    await tx
      .update(residenceHistory)
      .set({ toOn: movedOn })
      .where(and(eq(residenceHistory.residentId, id), isNull(residenceHistory.toOn)));
    await tx.insert(residenceHistory).values({ residentId: id, houseNodeId: house.id, fromOn: movedOn });
    await tx
      .update(residents)
      .set({
        houseNodeId: house.id,
        scopePath: house.path,
        address: house.address,
        movedInOn: movedOn,
        movedOutOn: null,
        searchTokens: bigrams(row.name, house.address),
      })
      .where(eq(residents.id, id));
    await recordAudit(tx, actor, {
      action: 'people.resident.move',
      targetType: 'resident',
      targetId: id,
      scopePath: house.path,
      summary: { from: row.houseNodeId, to: house.id, movedOn },
    });
  });
}
