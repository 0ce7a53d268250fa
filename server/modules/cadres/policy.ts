import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { actorCovers, underPath } from '../../platform/scope.ts';
import { hasAbility } from '../accounts/abilities.ts';
import { cadres } from './schema.ts';

/**
 * The one place deciding access to cadres and positions:
 * - read: posts, the cadre list and force rosters under the actor's scope (staff, grid workers);
 * - manage: appoint and end posts, keep the cadre database and the reserve pool (secretaries and
 *   administrators over the node);
 * - forces: edit a grid's force roster (also community staff).
 */
export type CadreAction = 'read' | 'manage' | 'forces';

export function canCadres(actor: Actor, action: CadreAction, target: { scopePath: string }): boolean {
  if (!actorCovers(actor, target.scopePath)) return false;
  switch (action) {
    case 'read':
      return hasAbility(actor.role, 'cadres.read');
    case 'manage':
      return hasAbility(actor.role, 'cadres.manage');
    case 'forces':
      return hasAbility(actor.role, 'cadres.forces') || hasAbility(actor.role, 'cadres.manage');
  }
}

const ABILITY: Record<CadreAction, string[]> = {
  read: ['cadres.read'],
  manage: ['cadres.manage'],
  forces: ['cadres.forces', 'cadres.manage'],
};

/** Checked first, before any node is looked up: a role without the ability gets 403 wherever it asks. */
export function requireCadreAbility(actor: Actor, action: CadreAction): void {
  if (!ABILITY[action].some((a) => hasAbility(actor.role, a))) throw new AppError('FORBIDDEN');
}

export function authorizeCadres(actor: Actor, action: CadreAction, target: { scopePath: string }): void {
  if (!canCadres(actor, action, target)) throw new AppError('FORBIDDEN');
}

/** Cadre records the actor may list: kept under their scope. */
export function cadreScopeWhere(actor: Actor): SQL {
  return actor.scopePath && hasAbility(actor.role, 'cadres.read')
    ? underPath(cadres.scopePath, actor.scopePath)
    : sql`false`;
}

/** The reserve pool is the managers' working list. */
export function authorizeReserve(actor: Actor): void {
  if (!hasAbility(actor.role, 'cadres.manage') || !actor.scopePath) throw new AppError('FORBIDDEN');
}
