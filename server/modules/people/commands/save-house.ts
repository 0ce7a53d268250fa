import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { houseBody, tenancyBody } from '../../../../contracts/people.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { upsertHouses } from '../import/kinds/houses.ts';
import { houseRefById } from '../org-refs.ts';
import { authorizePeople } from '../policy.ts';
import { loadResident } from '../queries/residents.ts';
import { bigrams } from '../rules/tokens.ts';
import { houses, tenancies } from '../schema.ts';

/** Records a house's use, area and owner (the house node itself stays the address). */
export async function saveHouse(db: Db, actor: Actor, houseId: number, body: z.infer<typeof houseBody>) {
  return withTx(db, async (tx) => {
    const house = await houseRefById(tx, houseId, actor.scopePath ?? '');
    if (!house) throw new AppError('NOT_FOUND');
    authorizePeople(actor, 'write', { scopePath: house.path });
    await upsertHouses(tx, [
      {
        houseNodeId: house.id,
        scopePath: house.path,
        use: body.use,
        areaM2: body.areaM2 ?? null,
        ownerName: body.ownerName ?? null,
        address: house.address,
        searchTokens: bigrams(house.address, body.ownerName),
      },
    ]);
    await recordAudit(tx, actor, {
      action: 'people.house.save',
      targetType: 'house',
      targetId: house.id,
      scopePath: house.path,
      summary: { ...body },
    });
  });
}

/** Tenant registration (出租房屋登记): only for houses recorded as 出租, tenant must be a registered resident in scope. */
export async function registerTenancy(db: Db, actor: Actor, houseId: number, body: z.infer<typeof tenancyBody>) {
  return withTx(db, async (tx) => {
    const house = await houseRefById(tx, houseId, actor.scopePath ?? '');
    if (!house) throw new AppError('NOT_FOUND');
    authorizePeople(actor, 'write', { scopePath: house.path });
    const [facts] = await tx.select({ use: houses.use }).from(houses).where(eq(houses.houseNodeId, house.id));
    if (facts?.use !== '出租') throw invalid('houseId', '只有用途为“出租”的房屋可以登记租户');
    const tenant = await loadResident(tx, actor, body.residentId);
    if (body.endOn && body.endOn < body.startOn) throw invalid('endOn', '结束日期不能早于开始日期');
    const [row] = await tx
      .insert(tenancies)
      .values({
        houseNodeId: house.id,
        residentId: tenant.id,
        startOn: body.startOn,
        endOn: body.endOn ?? null,
        registeredBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'people.tenancy.register',
      targetType: 'house',
      targetId: house.id,
      scopePath: house.path,
      summary: { residentId: tenant.id, startOn: body.startOn },
    });
    return row!;
  });
}
