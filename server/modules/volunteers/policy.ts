import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { actorCovers } from '../../platform/scope.ts';
import { hasAbility } from '../accounts/abilities.ts';

export type VolunteerAction = 'manage' | 'join' | 'lead';

/**
 * The one place deciding volunteering access. Activities are public to every signed-in user
 * (a board of what to join); managing them is for community staff in scope and the team leader.
 */
export function canVolunteer(
  actor: Actor,
  action: VolunteerAction,
  target: { communityPath: string; leaderUserId?: number | null },
): boolean {
  switch (action) {
    case 'manage':
      return hasAbility(actor.role, 'volunteers.manage') && actorCovers(actor, target.communityPath);
    case 'lead':
      return (
        canVolunteer(actor, 'manage', target) || (target.leaderUserId != null && target.leaderUserId === actor.userId)
      );
    case 'join':
      return hasAbility(actor.role, 'volunteers.join');
  }
}

export function authorizeVolunteer(
  actor: Actor,
  action: VolunteerAction,
  target: { communityPath: string; leaderUserId?: number | null },
): void {
  if (!canVolunteer(actor, action, target)) throw new AppError('FORBIDDEN');
}

/** The teams of an area with their totals: volunteer managers placed on a node. */
export function assertCanManageTeams(actor: Actor): asserts actor is Actor & { scopePath: string } {
  if (!hasAbility(actor.role, 'volunteers.manage') || !actor.scopePath) throw new AppError('FORBIDDEN');
}
