import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { hasAbility } from '../accounts/abilities.ts';

export type KioskAction = 'use';

/**
 * The one place deciding access to the 易办事 terminal's API: only terminal accounts (ability
 * kiosk.use) with a territorial scope (the street or community hall the terminal stands in).
 * What a terminal does for a resident is bounded by the resident's identification token
 * (token.ts) and by the terminal's scope: it books and reports only for residents living under it.
 */
export function canKiosk(actor: Actor, _action: KioskAction): boolean {
  return hasAbility(actor.role, 'kiosk.use') && Boolean(actor.scopePath);
}

export function authorizeKiosk(actor: Actor, action: KioskAction): void {
  if (!canKiosk(actor, action)) throw new AppError('FORBIDDEN', { message: '仅自助服务终端可使用' });
}
