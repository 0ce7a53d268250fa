import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import { AppError } from '../../../platform/errors.ts';
import { actorCovers, underPath } from '../../../platform/scope.ts';
import { hasAbility } from '../abilities.ts';

/** What can be done with residents' self-registrations (实名核验). */
export type SignupAction = 'read' | 'verify' | 'reject';

/** District and street administrators oversee verification in their area but do not decide it. */
const OVERSEERS = new Set(['district_admin', 'street_admin']);

/**
 * The one place access to sign-ups is decided. Scope: a sign-up belongs to the path of the
 * house it names; visible when that lies under the actor's scope (404 otherwise).
 */
export function signupScopeWhere(actor: Actor, housePath: AnyColumn): SQL {
  return actor.scopePath ? underPath(housePath, actor.scopePath) : sql`false`;
}

export function canSignup(actor: Actor, action: SignupAction, housePath: string | null): boolean {
  if (!actorCovers(actor, housePath)) return false;
  if (action === 'read') return hasAbility(actor.role, 'accounts.verify') || OVERSEERS.has(actor.role);
  return hasAbility(actor.role, 'accounts.verify');
}

/** Throws 403 unless allowed; call after loading the sign-up through signupScopeWhere (404). */
export function authorizeSignup(actor: Actor, action: SignupAction, housePath: string | null): void {
  if (!canSignup(actor, action, housePath)) throw new AppError('FORBIDDEN');
}

/** For the list route, before any row is read: may this role look at sign-ups at all? */
export function authorizeSignupList(actor: Actor): void {
  if (!hasAbility(actor.role, 'accounts.verify') && !OVERSEERS.has(actor.role)) throw new AppError('FORBIDDEN');
}

export function signupAbilities(actor: Actor, housePath: string | null): SignupAction[] {
  return (['read', 'verify', 'reject'] as const).filter((a) => canSignup(actor, a, housePath));
}
