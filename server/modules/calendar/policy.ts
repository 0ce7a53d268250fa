import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { hasAbility } from '../accounts/abilities.ts';

/** Every signed-in user reads the working calendar (deadlines are counted on it); only calendar managers change it. */
export function assertCanManageCalendar(actor: Actor): void {
  if (!hasAbility(actor.role, 'calendar.manage')) throw new AppError('FORBIDDEN');
}
