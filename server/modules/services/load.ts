import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { AppError } from '../../platform/errors.ts';
import { canService, bookingScopeWhere } from './policy.ts';
import { bookings, serviceItems, serviceStations } from './schema.ts';

/** A booking the actor may see (404 otherwise); locked for the rest of the transaction when asked. */
export async function loadBooking(db: Queryable, actor: Actor, id: number, lock = false) {
  const q = db
    .select()
    .from(bookings)
    .where(and(eq(bookings.id, id), bookingScopeWhere(actor)))
    .limit(1);
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function loadItemVisible(db: Queryable, actor: Actor, id: number) {
  const [row] = await db.select().from(serviceItems).where(eq(serviceItems.id, id));
  if (!row || !canService(actor, 'browse', row.scopePath)) throw new AppError('NOT_FOUND');
  return row;
}

export async function loadStationVisible(db: Queryable, actor: Actor, id: number) {
  const [row] = await db.select().from(serviceStations).where(eq(serviceStations.id, id));
  if (!row || !canService(actor, 'browse', row.scopePath)) throw new AppError('NOT_FOUND');
  return row;
}
