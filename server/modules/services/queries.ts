import { and, asc, count, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { users } from '../accounts/schema.ts';
import { bookingScopeWhere } from './policy.ts';
import {
  bookingEvents,
  bookings,
  serviceItems,
  serviceSlots,
  serviceStations,
  type BookingStatus,
  type ServiceKind,
} from './schema.ts';

export async function catalogue(db: Queryable, communityId: number, kind?: ServiceKind) {
  return db
    .select()
    .from(serviceItems)
    .where(
      and(
        eq(serviceItems.communityId, communityId),
        eq(serviceItems.active, true),
        kind ? eq(serviceItems.kind, kind) : undefined,
      ),
    )
    .orderBy(asc(serviceItems.kind), asc(serviceItems.id));
}

export async function stationsOf(db: Queryable, communityId: number) {
  return db
    .select()
    .from(serviceStations)
    .where(eq(serviceStations.communityId, communityId))
    .orderBy(asc(serviceStations.id));
}

export async function slotsOf(db: Queryable, stationId: number, from: Date, days: number) {
  return db
    .select()
    .from(serviceSlots)
    .where(
      and(
        eq(serviceSlots.stationId, stationId),
        gte(serviceSlots.startsAt, from),
        lt(serviceSlots.startsAt, new Date(from.getTime() + days * 86_400_000)),
      ),
    )
    .orderBy(asc(serviceSlots.startsAt));
}

export async function bookingsPage(
  db: Queryable,
  actor: Actor,
  q: { page: number; pageSize: number; status?: BookingStatus; mine?: 'true' | 'false' },
) {
  const where = and(
    bookingScopeWhere(actor),
    q.status ? eq(bookings.status, q.status) : undefined,
    q.mine === 'true' ? eq(bookings.responsibleUserId, actor.userId) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        booking: bookings,
        itemName: serviceItems.name,
        slotStartsAt: serviceSlots.startsAt,
        residentName: sql<string>`coalesce(${users.displayName}, ${bookings.beneficiaryName}, '')`,
      })
      .from(bookings)
      .innerJoin(serviceItems, eq(serviceItems.id, bookings.serviceItemId))
      .leftJoin(serviceSlots, eq(serviceSlots.id, bookings.slotId))
      .leftJoin(users, eq(users.id, bookings.residentUserId))
      .where(where)
      .orderBy(desc(bookings.createdAt), desc(bookings.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(bookings).where(where),
  ]);
  return {
    data: rows.map((r) => ({
      ...r.booking,
      itemName: r.itemName,
      slotStartsAt: r.slotStartsAt,
      residentName: r.residentName,
    })),
    page: { page: q.page, pageSize: q.pageSize, total: total!.n },
  };
}

/** The booking's history with the names of who acted and to whom it was handed over. */
export async function bookingHistory(db: Queryable, bookingId: number) {
  const events = await db
    .select()
    .from(bookingEvents)
    .where(eq(bookingEvents.bookingId, bookingId))
    .orderBy(asc(bookingEvents.id));
  const ids = [...new Set(events.flatMap((e) => [e.actorUserId, ...(e.toUserId ? [e.toUserId] : [])]))];
  const names = ids.length
    ? new Map(
        (await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids))).map(
          (u) => [u.id, u.name],
        ),
      )
    : new Map();
  return events.map((e) => ({
    ...e,
    actorName: names.get(e.actorUserId) ?? '',
    toName: e.toUserId ? (names.get(e.toUserId) ?? '') : null,
  }));
}

/** Every item of a community, withdrawn ones included (the catalogue admin screen). */
export async function catalogueForManager(db: Queryable, communityId: number) {
  return db
    .select()
    .from(serviceItems)
    .where(eq(serviceItems.communityId, communityId))
    .orderBy(asc(serviceItems.kind), asc(serviceItems.id));
}
