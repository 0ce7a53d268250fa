import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createBookingBody } from '../../../../contracts/services.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx, type Tx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { isUnder } from '../../../platform/scope.ts';
import { users } from '../../accounts/schema.ts';
import { orgNodes } from '../../org/schema.ts';
import { residentInScope } from '../../people/index.ts';
import { publishBookingChange } from '../live.ts';
import { loadItemVisible } from '../load.ts';
import { authorizeService } from '../policy.ts';
import { bookingEvents, bookings, serviceSlots, serviceStations } from '../schema.ts';

type Input = z.infer<typeof createBookingBody>;

/**
 * Books a slot (visit) or asks for proxy service. The slot's seat is taken by one conditional
 * UPDATE (booked < capacity): PostgreSQL re-checks the condition after waiting on a concurrent
 * writer's row lock, so parallel requests can never book more seats than the slot has.
 */
export async function createBooking(db: Db, actor: Actor, input: Input, identified?: Beneficiary) {
  return withTx(db, async (tx) => {
    const item = await loadItemVisible(tx, actor, input.serviceItemId);
    if (!item.active) throw invalid('serviceItemId', '该服务事项已停办');
    // `identified`: a caller whose own policy identified the resident (the 易办事 terminal, by
    // identity number and phone) books for them; it must live in the item's community.
    if (identified && !isUnder(identified.path, item.scopePath))
      throw invalid('serviceItemId', '该服务事项不属于您所在的社区');
    const resident = identified ?? (await residentFor(tx, actor, input, item.scopePath));
    let slotId: number | null = null;
    if (input.mode === 'visit') {
      const [station] = await tx
        .select({ id: serviceStations.id })
        .from(serviceSlots)
        .innerJoin(serviceStations, eq(serviceStations.id, serviceSlots.stationId))
        .where(and(eq(serviceSlots.id, input.slotId), eq(serviceStations.communityId, item.communityId)));
      if (!station) throw invalid('slotId', '时段不存在或不属于本社区的服务驿站');
      const [taken] = await tx
        .update(serviceSlots)
        .set({ booked: sql`${serviceSlots.booked} + 1` })
        .where(
          and(
            eq(serviceSlots.id, input.slotId),
            lt(serviceSlots.booked, serviceSlots.capacity),
            gt(serviceSlots.startsAt, new Date()),
          ),
        )
        .returning({ id: serviceSlots.id });
      if (!taken) throw new AppError('CONFLICT', { message: '该时段已约满或已过期，请选择其他时段' });
      slotId = taken.id;
    } else if (!item.proxy) {
      throw invalid('serviceItemId', '该事项不提供代办服务');
    }
    const [row] = await tx
      .insert(bookings)
      .values({
        mode: input.mode,
        serviceItemId: item.id,
        slotId,
        residentUserId: resident.userId,
        personId: resident.personId,
        beneficiaryName: resident.name,
        requestedBy: actor.userId,
        communityId: item.communityId,
        scopePath: resident.path,
        note: input.note ?? null,
      })
      .returning();
    await tx
      .insert(bookingEvents)
      .values({ bookingId: row!.id, action: 'submitted', actorUserId: actor.userId, note: input.note ?? null });
    await recordAudit(tx, actor, {
      action: 'services.booking.create',
      targetType: 'booking',
      targetId: row!.id,
      scopePath: resident.path,
      summary: { mode: input.mode, item: item.name, residentUserId: resident.userId, personId: resident.personId },
    });
    await publishBookingChange(tx, row!, 'submitted');
    return row!;
  });
}

export interface Beneficiary {
  userId: number | null;
  personId: number | null;
  name: string | null;
  path: string;
}

/**
 * Residents book for themselves; a building leader or grid worker may ask proxy service for a
 * resident account they serve (双代); staff and grid workers may book for a registered resident
 * picked from base data (personId), who need not have an account.
 */
async function residentFor(tx: Tx, actor: Actor, input: Input, communityPath: string): Promise<Beneficiary> {
  if (input.mode === 'proxy' && input.personId !== undefined) {
    if (input.residentUserId !== undefined) throw invalid('personId', '居民账号与居民档案只能选择其一');
    authorizeService(actor, 'pick_resident', communityPath);
    const person = await residentInScope(tx, actor, input.personId).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
      throw err;
    });
    if (!person || !isUnder(person.scopePath, communityPath)) throw invalid('personId', '该居民不在您服务的范围内');
    return { userId: null, personId: person.id, name: person.name, path: person.scopePath };
  }
  const onBehalf =
    input.mode === 'proxy' && input.residentUserId !== undefined && input.residentUserId !== actor.userId;
  if (!onBehalf) {
    authorizeService(actor, 'book', communityPath);
    return { userId: actor.userId, personId: null, name: null, path: actor.scopePath! };
  }
  authorizeService(actor, 'proxy_for', communityPath);
  const [resident] = await tx
    .select({ id: users.id, role: users.role, path: orgNodes.path })
    .from(users)
    .innerJoin(orgNodes, eq(orgNodes.id, users.scopeNodeId))
    .where(eq(users.id, input.residentUserId!));
  if (!resident || resident.role !== 'resident' || !isUnder(resident.path, actor.scopePath!))
    throw invalid('residentUserId', '该居民不在您服务的范围内');
  return { userId: resident.id, personId: null, name: null, path: resident.path };
}
