import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { actorCovers, isUnder } from '../../platform/scope.ts';
import { hasAbility } from '../accounts/abilities.ts';

export type OutreachAction = 'wall' | 'self' | 'zone' | 'manage';

const ABILITY: Record<OutreachAction, string> = {
  wall: 'outreach.wall',
  self: 'outreach.self',
  zone: 'outreach.zone',
  manage: 'outreach.manage',
};

/**
 * The one place deciding access to 党员户, the 党群连心墙 and 一区两员. The wall is for those who
 * live or work in the community (and staff above it); a resident's zone is the one of their own
 * building; only staff covering the community keep zones.
 */
export function canOutreach(actor: Actor, action: OutreachAction, communityPath: string | null): boolean {
  if (!hasAbility(actor.role, ABILITY[action])) return false;
  const scope = actor.scopePath;
  switch (action) {
    case 'wall':
      return Boolean(scope && communityPath && (isUnder(scope, communityPath) || isUnder(communityPath, scope)));
    case 'self':
    case 'zone':
      return true;
    case 'manage':
      return actorCovers(actor, communityPath);
  }
}

/** No right at all: 403; a community outside the actor's reach: 404. */
export function authorizeOutreach(actor: Actor, action: OutreachAction, communityPath: string | null): void {
  if (canOutreach(actor, action, communityPath)) return;
  if (!hasAbility(actor.role, ABILITY[action])) throw new AppError('FORBIDDEN', { message: '您无权进行此项操作' });
  throw new AppError('NOT_FOUND');
}
