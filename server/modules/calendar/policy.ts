import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { hasAbility } from '../accounts/abilities.ts';

/**
 * calendar.read: every signed-in user reads the working calendar (deadlines are counted on it);
 * calendar.manage: only calendar managers change it.
 */
export function assertCanManageCalendar(actor: Actor): void {
  if (!hasAbility(actor.role, 'calendar.manage')) throw new AppError('FORBIDDEN');
}
