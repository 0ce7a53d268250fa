import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { actorCovers, isUnder, underPath } from '../../platform/scope.ts';
import { hasAbility } from '../accounts/abilities.ts';
import { notifyDeliveries, notifyWebhooks } from './schema.ts';

/**
 * The one place deciding access to notice delivery. Everyone signed in keeps their own channels and
 * area subscriptions (ability notify.self); administrators with notify.manage run webhook subscribers,
 * the send log and dead letters of their own area only.
 */
export function canUseOwnSettings(actor: Actor): boolean {
  return hasAbility(actor.role, 'notify.self');
}

/**
 * Area alerts stay within what the user may see: the grid or community they live or work in (the
 * node lies above their scope), or, for staff who read cases, any grid or community under their scope.
 */
export function canSubscribeArea(actor: Actor, node: { level: string; path: string }): boolean {
  if (!canUseOwnSettings(actor) || !actor.scopePath) return false;
  if (node.level !== 'grid' && node.level !== 'community') return false;
  return isUnder(actor.scopePath, node.path) || (hasAbility(actor.role, 'cases.read') && actorCovers(actor, node.path));
}

/** SQL twin of canSubscribeArea's place test, over org_nodes.path. */
export function subscribableWhere(actor: Actor, pathColumn: SQL): SQL {
  if (!canUseOwnSettings(actor) || !actor.scopePath) return sql`false`;
  const lives = sql`${actor.scopePath} like ${pathColumn} || '%'`;
  return hasAbility(actor.role, 'cases.read') ? sql`(${lives} or ${underPath(pathColumn, actor.scopePath)})` : lives;
}

export function canManageNotify(actor: Actor): boolean {
  return hasAbility(actor.role, 'notify.manage') && Boolean(actor.scopePath);
}

export function authorizeManage(actor: Actor): void {
  if (!canManageNotify(actor)) throw new AppError('FORBIDDEN');
}

/** Deliveries an administrator sees: those concerning their area. */
export function deliveryScopeWhere(actor: Actor): SQL {
  return canManageNotify(actor) ? underPath(notifyDeliveries.scopePath, actor.scopePath!) : sql`false`;
}

export function webhookScopeWhere(actor: Actor): SQL {
  return canManageNotify(actor) ? underPath(notifyWebhooks.scopePath, actor.scopePath!) : sql`false`;
}
