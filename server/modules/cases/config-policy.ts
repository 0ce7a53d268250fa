import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { actorCovers } from '../../platform/scope.ts';
import { hasAbility } from '../accounts/abilities.ts';

/**
 * Who configures the case loop. The category tree (codes, names, routing, default limits,
 * questions) is one per district, so only the district's administrators edit it. A street or
 * community adapts the limits to local conditions through overrides, and keeps canned replies,
 * only for the node it serves (or, for a street, the communities under it).
 */
export type ConfigAction = 'read' | 'write_tree' | 'write_override' | 'write_template';

const depth = (path: string | null) => (path ? path.split('/').filter(Boolean).length : 0);

export function canConfig(
  actor: Actor,
  action: ConfigAction,
  node: { path: string; level: string } | null = null,
): boolean {
  switch (action) {
    case 'read':
      return hasAbility(actor.role, 'config.manage') || hasAbility(actor.role, 'cases.configure');
    case 'write_tree':
      return hasAbility(actor.role, 'config.manage') && depth(actor.scopePath) === 1;
    case 'write_override':
      // Overrides exist per street and per community (limits.ts cascades community → street → category).
      return (
        hasAbility(actor.role, 'cases.configure') &&
        !!node &&
        (node.level === 'street' || node.level === 'community') &&
        actorCovers(actor, node.path)
      );
    case 'write_template':
      return hasAbility(actor.role, 'cases.configure') && !!node && actorCovers(actor, node.path);
  }
}

export function authorizeConfig(
  actor: Actor,
  action: ConfigAction,
  node: { path: string; level: string } | null = null,
): void {
  if (!canConfig(actor, action, node)) throw new AppError('FORBIDDEN', { message: '您无权修改此项配置' });
}

/** What the web app may offer on the configuration pages. */
export function configAbilities(actor: Actor): ConfigAction[] {
  const own = actor.scopePath ? { path: actor.scopePath, level: 'street' } : null;
  // Offered when some street or community in the actor's scope could be overridden.
  return (['read', 'write_tree', 'write_override', 'write_template'] as const).filter(
    (a) => canConfig(actor, a, own) && (a !== 'write_override' || depth(actor.scopePath) <= 3),
  );
}
