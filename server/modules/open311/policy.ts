import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { actorCovers, underPath } from '../../platform/scope.ts';
import { hasAbility } from '../accounts/abilities.ts';
import { orgNodes } from '../org/schema.ts';

/**
 * The one place deciding who administers Open311 keys: holders of `open311.manage` for intake
 * communities inside their scope. The public GeoReport endpoints need no actor (GET) or an
 * api_key (POST) and are decided in keys.ts.
 */
export function keyScopeWhere(actor: Actor): SQL {
  return hasAbility(actor.role, 'open311.manage') && actor.scopePath
    ? underPath(orgNodes.path, actor.scopePath)
    : sql`false`;
}

export function canManageKey(actor: Actor, communityPath: string): boolean {
  return hasAbility(actor.role, 'open311.manage') && actorCovers(actor, communityPath);
}

export function authorizeKey(actor: Actor, communityPath: string): void {
  if (!canManageKey(actor, communityPath)) throw new AppError('FORBIDDEN');
}

/** Listing the area's Open311 keys: their managers only (issuing and revoking check the community too). */
export function assertCanListKeys(actor: Actor): void {
  if (!hasAbility(actor.role, 'open311.manage')) throw new AppError('FORBIDDEN');
}
