import { eq, or, type SQL } from 'drizzle-orm';
import type { Role } from '../../../contracts/roles.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { actorCovers, isUnder, underPath } from '../../platform/scope.ts';
import { hasAbility } from '../accounts/abilities.ts';
import { bookings, type BookingRow } from './schema.ts';

export type ServiceAction = 'browse' | 'manage' | 'book' | 'proxy_for' | 'pick_resident' | 'handle';
export type BookingAction = 'read' | 'receive' | 'handover' | 'complete' | 'cancel' | 'rate';

/** The one place deciding access to the service catalogue, stations and bookings. */
export function canService(actor: Actor, action: ServiceAction, communityPath: string): boolean {
  const scope = actor.scopePath;
  if (!scope) return false;
  switch (action) {
    // Residents browse their own community's catalogue; staff browse what they cover.
    case 'browse':
      return isUnder(scope, communityPath) || isUnder(communityPath, scope);
    case 'book':
      return hasAbility(actor.role, 'services.book') && isUnder(scope, communityPath);
    // 代办: building leaders and grid workers for residents they serve, and the staff who handle
    // bookings (a resident phones the station) for residents of their community.
    case 'proxy_for':
      return (
        (hasAbility(actor.role, 'services.proxy_for') || hasAbility(actor.role, 'services.handle')) &&
        isUnder(scope, communityPath)
      );
    // The resident picker searches base data (masked): only for those who may read it anyway.
    case 'pick_resident':
      return canService(actor, 'proxy_for', communityPath) && hasAbility(actor.role, 'people.read');
    case 'manage':
      return hasAbility(actor.role, 'services.manage') && actorCovers(actor, communityPath);
    case 'handle':
      return hasAbility(actor.role, 'services.handle') && actorCovers(actor, communityPath);
  }
}

export function authorizeService(actor: Actor, action: ServiceAction, communityPath: string): void {
  if (!canService(actor, action, communityPath)) throw new AppError('FORBIDDEN');
}

/** Bookings visible to the actor: their own (as resident or requester), or those of the community they handle. */
export function bookingScopeWhere(actor: Actor): SQL {
  const own = or(eq(bookings.residentUserId, actor.userId), eq(bookings.requestedBy, actor.userId))!;
  if (hasAbility(actor.role, 'services.handle') && actor.scopePath)
    return or(own, underPath(bookings.scopePath, actor.scopePath))!;
  return own;
}

/**
 * 首问责任制: whoever receives a booking first is responsible for it until they hand it
 * over explicitly; only the responsible person moves it on.
 */
export function canBooking(actor: Actor, action: BookingAction, row: BookingRow): boolean {
  const handler = hasAbility(actor.role, 'services.handle') && actorCovers(actor, row.scopePath);
  const own = row.residentUserId === actor.userId || row.requestedBy === actor.userId;
  switch (action) {
    case 'read':
      return handler || own;
    case 'receive':
      return handler && row.status === 'submitted' && row.responsibleUserId === null;
    case 'handover':
    case 'complete':
      return handler && row.status === 'received' && row.responsibleUserId === actor.userId;
    case 'cancel':
      return own && row.status === 'submitted';
    case 'rate':
      return row.residentUserId === actor.userId && row.status === 'completed' && row.rating === null;
  }
}

export function bookingAbilities(actor: Actor, row: BookingRow): BookingAction[] {
  return (['read', 'receive', 'handover', 'complete', 'cancel', 'rate'] as const).filter((a) =>
    canBooking(actor, a, row),
  );
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

/** Who may take over a booking: an active handler whose scope covers the booking's resident. */
export function mayTakeOverBooking(
  to: { role: Role; path: string; disabledAt: Date | null },
  row: Pick<BookingRow, 'scopePath'>,
): boolean {
  return !to.disabledAt && hasAbility(to.role, 'services.handle') && isUnder(row.scopePath, to.path);
}
