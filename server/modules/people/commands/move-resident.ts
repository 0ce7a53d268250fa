import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { invalid } from '../../../platform/errors.ts';
import { houseRefById } from '../org-refs.ts';
import { authorizePeople } from '../policy.ts';
import { loadResident } from '../queries/residents.ts';
import { bigrams } from '../rules/tokens.ts';
import { residenceHistory, residents } from '../schema.ts';

/** Moves a resident to another house in scope: the old residence closes on `movedOn`, a new one opens. */
export async function moveResident(db: Db, actor: Actor, id: number, houseId: number, movedOn: string) {
  return withTx(db, async (tx) => {
    const row = await loadResident(tx, actor, id);
    authorizePeople(actor, 'write', row);
    const house = await houseRefById(tx, houseId, actor.scopePath ?? '');
    if (!house) throw invalid('houseId', '房屋不存在或不在您的管辖范围内');
    if (house.id === row.houseNodeId) throw invalid('houseId', '已居住在该房屋');
    await tx.update(residenceHistory).set({ toOn: movedOn }).where(and(eq(residenceHistory.residentId, id), isNull(residenceHistory.toOn)));
    await tx.insert(residenceHistory).values({ residentId: id, houseNodeId: house.id, fromOn: movedOn });
    await tx.update(residents).set({ houseNodeId: house.id, scopePath: house.path, address: house.address, movedInOn: movedOn, searchTokens: bigrams(row.name, house.address) }).where(eq(residents.id, id));
    await recordAudit(tx, actor, { action: 'people.resident.move', targetType: 'resident', targetId: id, scopePath: house.path, summary: { from: row.houseNodeId, to: house.id, movedOn } });
  });
}
