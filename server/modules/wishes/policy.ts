import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { actorCovers, underPath } from '../../platform/scope.ts';
import { hasAbility } from '../accounts/abilities.ts';
import {
  PUBLIC_STATES,
  WISH_ACTIONS,
  WISH_TRANSITIONS,
  wishAllows,
  type WishAction,
  type WishParty,
} from './lifecycle.ts';
import { wishItems, type WishRow } from './schema.ts';

type WishFacts = Pick<WishRow, 'state' | 'communityPath' | 'requesterUserId' | 'claimantUserId'>;

export function isWishManager(actor: Actor, wish: Pick<WishRow, 'communityPath'>): boolean {
  return hasAbility(actor.role, 'wishes.manage') && actorCovers(actor, wish.communityPath);
}

/**
 * Wishes the actor may open (others are 404): the public board (approved, not withdrawn) for
 * every signed-in user, every state for the community staff in scope, and one's own.
 */
export function wishScopeWhere(actor: Actor): SQL {
  const parts: SQL[] = [
    inArray(wishItems.state, [...PUBLIC_STATES]),
    eq(wishItems.requesterUserId, actor.userId),
    eq(wishItems.claimantUserId, actor.userId),
  ];
  if (actor.scopePath && hasAbility(actor.role, 'wishes.manage'))
    parts.push(underPath(wishItems.communityPath, actor.scopePath));
  return or(...parts)!;
}

/** The 'manage' list: everything in the staff member's scope. */
export function wishManageWhere(actor: Actor): SQL {
  return actor.scopePath && hasAbility(actor.role, 'wishes.manage')
    ? underPath(wishItems.communityPath, actor.scopePath)
    : and(eq(wishItems.id, -1))!;
}

function plays(actor: Actor, party: WishParty, wish: WishFacts): boolean {
  switch (party) {
    case 'manager':
      return isWishManager(actor, wish);
    case 'claimer':
      return hasAbility(actor.role, 'wishes.claim') && wish.requesterUserId !== actor.userId;
    case 'claimant':
      return wish.claimantUserId !== null && wish.claimantUserId === actor.userId;
    case 'requester':
      return wish.requesterUserId === actor.userId;
  }
}

/** Whether the actor's role in this wish lets them take the action (state aside). */
export function mayTake(actor: Actor, action: WishAction, wish: WishFacts): boolean {
  return WISH_TRANSITIONS[action].by.some((p) => plays(actor, p, wish));
}

/** 403 when the actor has no part in the action; the state check (409) comes from the lifecycle. */
export function authorizeWish(actor: Actor, action: WishAction, wish: WishFacts): void {
  if (!mayTake(actor, action, wish)) throw new AppError('FORBIDDEN');
}

/** Actions the web app should offer: allowed by the table in this state and by the actor's part. */
export function wishAbilities(actor: Actor, wish: WishFacts): WishAction[] {
  return WISH_ACTIONS.filter((a) => wishAllows(wish.state, a) && mayTake(actor, a, wish));
}

/** Personal details (requester, beneficiary's name) only for the community staff and the requester. */
export function maySeePersonal(actor: Actor, wish: WishFacts): boolean {
  return isWishManager(actor, wish) || wish.requesterUserId === actor.userId;
}

/** Residents publish wishes; community staff publish too (for a needy resident, open at once). */
export function authorizePublishWish(actor: Actor): void {
  if (!hasAbility(actor.role, 'wishes.publish') && !hasAbility(actor.role, 'wishes.manage'))
    throw new AppError('FORBIDDEN');
}

/** Staff publish on behalf of a resident, in a community they name, skipping the review. */
export function publishesAsStaff(actor: Actor): boolean {
  return hasAbility(actor.role, 'wishes.manage');
}
