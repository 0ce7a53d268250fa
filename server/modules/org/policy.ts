import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { actorCovers, underPath } from '../../platform/scope.ts';
import { AppError } from '../../platform/errors.ts';
import { hasAbility } from '../accounts/abilities.ts';
import { orgNodes } from './schema.ts';

/** Everything the org module lets anyone do; the route table below names one per endpoint. */
export type OrgAction = 'read' | 'create_node' | 'write_grid' | 'locate' | 'assign_worker';

const ASSIGNERS = new Set(['community_secretary', 'street_admin', 'district_admin']);

/**
 * The one place where access to the governance tree is decided.
 * Scope: a node is visible when it lies at or under the actor's scope node.
 */
export function orgScopeWhere(actor: Actor): SQL {
  return actor.scopePath ? underPath(orgNodes.path, actor.scopePath) : sql`false`;
}

export function canOrg(actor: Actor, action: OrgAction, node: { path: string; level: string } | null): boolean {
  switch (action) {
    case 'locate':
      return true; // any signed-in user may turn a map pin into a grid (residents reporting a case)
    case 'read':
      return hasAbility(actor.role, 'org.read') && actorCovers(actor, node?.path);
    case 'create_node':
      return hasAbility(actor.role, 'org.write') && actorCovers(actor, node?.path);
    case 'write_grid':
      return hasAbility(actor.role, 'org.grid.write') && actorCovers(actor, node?.path);
    case 'assign_worker':
      // 一格一员: the community secretary, street and district administrators staff the grids in their area.
      return node?.level === 'grid' && ASSIGNERS.has(actor.role) && actorCovers(actor, node.path);
  }
}

/** Throws 403 unless allowed. Call after loading the row through orgScopeWhere (which gives 404). */
export function authorizeOrg(actor: Actor, action: OrgAction, node: { path: string; level: string } | null): void {
  if (!canOrg(actor, action, node)) throw new AppError('FORBIDDEN');
}

/** The abilities the web app uses to show or hide buttons on a node. */
export function orgAbilities(actor: Actor, node: { path: string; level: string }): OrgAction[] {
  return (['read', 'create_node', 'write_grid', 'assign_worker'] as const).filter((a) => canOrg(actor, a, node));
}
