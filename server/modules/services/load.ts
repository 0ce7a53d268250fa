import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { AppError } from '../../platform/errors.ts';
import { actorCovers } from '../../platform/scope.ts';
import { hasAbility } from '../accounts/abilities.ts';
import { canBooking, canService, bookingScopeWhere, type BookingAction } from './policy.ts';
import { bookings, serviceItems, serviceStations, type BookingRow } from './schema.ts';

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

/**
 * A state-changing booking action: 403 for someone who may never do it (a handler who is not
 * the first-responsible person included), 409 when the booking is in the wrong state — so two
 * staff receiving at once get one success and one conflict.
 */
export function assertBooking(actor: Actor, action: BookingAction, row: BookingRow, wrongState: string): void {
  if (canBooking(actor, action, row)) return;
  const handler = hasAbility(actor.role, 'services.handle') && actorCovers(actor, row.scopePath);
  if (action === 'receive' || action === 'handover' || action === 'complete') {
    if (!handler) throw new AppError('FORBIDDEN');
    if (action !== 'receive' && row.status === 'received')
      throw new AppError('FORBIDDEN', { message: '该预约由首问责任人办理，请先由其移交' });
    throw new AppError('CONFLICT', { message: wrongState });
  }
  const owner =
    action === 'rate'
      ? row.residentUserId === actor.userId
      : row.residentUserId === actor.userId || row.requestedBy === actor.userId;
  throw new AppError(owner ? 'CONFLICT' : 'FORBIDDEN', owner ? { message: wrongState } : {});
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
