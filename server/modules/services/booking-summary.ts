import { eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import { bookings, serviceItems, serviceSlots, serviceStations } from './schema.ts';

/** What a printed receipt of a booking says: the item, where and when (for the 易办事 terminal). */
export async function bookingSummary(db: Queryable, bookingId: number) {
  const [row] = await db
    .select({
      id: bookings.id,
      item: serviceItems.name,
      materials: serviceItems.materials,
      station: serviceStations.name,
      address: serviceStations.address,
      startsAt: serviceSlots.startsAt,
      endsAt: serviceSlots.endsAt,
    })
    .from(bookings)
    .innerJoin(serviceItems, eq(serviceItems.id, bookings.serviceItemId))
    .leftJoin(serviceSlots, eq(serviceSlots.id, bookings.slotId))
    .leftJoin(serviceStations, eq(serviceStations.id, serviceSlots.stationId))
    .where(eq(bookings.id, bookingId));
  return row ?? null;
}
