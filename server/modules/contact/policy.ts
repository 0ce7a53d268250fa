import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { actorCovers, isUnder } from '../../platform/scope.ts';
import { hasAbility } from '../accounts/abilities.ts';

export type ContactAction = 'read_rounds' | 'manage' | 'coverage' | 'visit' | 'mine';

const ABILITY: Record<ContactAction, string[]> = {
  read_rounds: ['contact.visit', 'contact.read'],
  manage: ['contact.manage'],
  coverage: ['contact.read'],
  visit: ['contact.visit', 'contact.manage'],
  mine: ['contact.visit'],
};

/** Whether the actor holds any ability the action needs (else 403 whatever the place). */
export function mayContactAtAll(actor: Actor, action: ContactAction): boolean {
  return ABILITY[action].some((a) => hasAbility(actor.role, a));
}

/** Scopes overlap: the actor works inside the community (a grid worker, a member) or above it (a street). */
function overlaps(actor: Actor, communityPath: string): boolean {
  const scope = actor.scopePath;
  return Boolean(scope && (isUnder(scope, communityPath) || isUnder(communityPath, scope)));
}

/**
 * The one place deciding access to 包保联户. `place.path` is the community's path for rounds,
 * assignments and coverage, the house's path for a visit; `contactUserId` is the house's contact.
 * A visit is recorded by the household's own contact, or by staff managing the community (who
 * enter a visit a colleague reported on paper).
 */
export function canContact(
  actor: Actor,
  action: ContactAction,
  place: { path: string; contactUserId?: number | null },
): boolean {
  if (!mayContactAtAll(actor, action)) return false;
  switch (action) {
    // Everyone who keeps households sees their own list, wherever they work (a street cadre too).
    case 'mine':
      return true;
    case 'read_rounds':
      return overlaps(actor, place.path);
    case 'coverage':
      // A grid worker sees the figures of their own grid inside the community (coverageRoot).
      return overlaps(actor, place.path);
    case 'manage':
      return hasAbility(actor.role, 'contact.manage') && actorCovers(actor, place.path);
    case 'visit':
      return (
        (hasAbility(actor.role, 'contact.visit') && place.contactUserId === actor.userId) ||
        (hasAbility(actor.role, 'contact.manage') && actorCovers(actor, place.path))
      );
  }
}

/** No right to the action at all: 403; a place outside the actor's reach: 404, as for every record. */
export function authorizeContact(
  actor: Actor,
  action: ContactAction,
  place: { path: string; contactUserId?: number | null },
): void {
  if (canContact(actor, action, place)) return;
  if (!mayContactAtAll(actor, action)) throw new AppError('FORBIDDEN', { message: '您无权进行包保联户的此项操作' });
  if (action === 'visit' && overlaps(actor, place.path))
    throw new AppError('FORBIDDEN', { message: '该户不是您包保的联系户' });
  throw new AppError('NOT_FOUND');
}

/** The subtree whose households count in the actor's coverage figures: the community, or their own smaller area in it. */
export function coverageRoot(actor: Actor, communityPath: string): string {
  return actorCovers(actor, communityPath) ? communityPath : actor.scopePath!;
}

export function contactAbilities(actor: Actor, communityPath: string): ContactAction[] {
  return (['read_rounds', 'manage', 'coverage', 'mine'] as const).filter((a) =>
    canContact(actor, a, { path: communityPath }),
  );
}
