import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { actorCovers, isUnder, underPath } from '../../platform/scope.ts';
import { hasAbility } from '../accounts/abilities.ts';

/**
 * What can be done with consultations, surveys and vote rounds: 'read' (see it), 'manage'
 * (publish, moderate, answer, close — staff), 'take_part' (comment, answer, vote — residents).
 */
export type ParticipationAction = 'read' | 'manage' | 'take_part';

const MANAGE = 'participation.manage';
const TAKE_PART = 'participation.take_part';

/**
 * A verified resident: a resident-side role whose account carries no restriction. Self-registered
 * accounts awaiting real-name verification are restricted (the auth hook already answers 403
 * for them); checked again here so the decision does not rest on a route flag alone.
 */
function isVerifiedParticipant(actor: Actor): boolean {
  return hasAbility(actor.role, TAKE_PART) && actor.restriction === null && actor.scopePath !== null;
}

/** The actor lives in the community whose path is `communityPath` (their house, building or grid lies under it). */
function livesIn(actor: Actor, communityPath: string): boolean {
  return Boolean(actor.scopePath && isUnder(actor.scopePath, communityPath));
}

/**
 * The one place access to participation is decided. Rows carry their community's path: staff see
 * the communities under their scope, residents the community they live in; any other row is 404.
 */
export function participationScopeWhere(actor: Actor, scopePath: AnyColumn): SQL {
  if (!actor.scopePath) return sql`false`;
  if (hasAbility(actor.role, MANAGE)) return underPath(scopePath, actor.scopePath);
  if (isVerifiedParticipant(actor)) return sql`${actor.scopePath} like ${scopePath} || '%'`;
  return sql`false`;
}

export function canParticipation(actor: Actor, action: ParticipationAction, item: { scopePath: string }): boolean {
  switch (action) {
    case 'read':
      return canParticipation(actor, 'manage', item) || canParticipation(actor, 'take_part', item);
    case 'manage':
      return hasAbility(actor.role, MANAGE) && actorCovers(actor, item.scopePath);
    case 'take_part':
      return isVerifiedParticipant(actor) && livesIn(actor, item.scopePath);
  }
}

/** 403 when the role may not do this at all; 404 when the item lies outside what the actor sees. */
export function authorizeParticipation(actor: Actor, action: ParticipationAction, item: { scopePath: string }): void {
  if (canParticipation(actor, action, item)) return;
  if (!canParticipation(actor, 'read', item)) throw new AppError('NOT_FOUND');
  throw new AppError('FORBIDDEN', {
    message: action === 'manage' ? '只有本社区工作人员可以管理' : '只有本社区已实名核验的居民可以参与',
  });
}

/** Lists: the role must see participation at all (403); rows are then cut to the scope. */
export function authorizeParticipationList(actor: Actor): void {
  if (!hasAbility(actor.role, MANAGE) && !isVerifiedParticipant(actor))
    throw new AppError('FORBIDDEN', { message: '您无权查看居民参与事项' });
}

/** Creating in a community: a manager whose scope covers it (else 403 for the role, 404 for the place). */
export function authorizeCreateIn(actor: Actor, community: { path: string }): void {
  if (!hasAbility(actor.role, MANAGE)) throw new AppError('FORBIDDEN', { message: '只有社区工作人员可以发布' });
  if (!actorCovers(actor, community.path)) throw new AppError('NOT_FOUND');
}

/**
 * The public portal (完美社区网) is read by anyone, signed in or not: it shows only what a community
 * published, never who commented, answered or voted. The decision is that the page's community exists.
 */
export function authorizePortal(community: { level: string; retiredAt: Date | null } | undefined): void {
  if (!community || community.level !== 'community' || community.retiredAt) throw new AppError('NOT_FOUND');
}

export function participationAbilities<T extends string>(
  actor: Actor,
  item: { scopePath: string },
  participantVerb: T,
  open: boolean,
): ('manage' | T)[] {
  const out: ('manage' | T)[] = [];
  if (canParticipation(actor, 'manage', item)) out.push('manage');
  if (open && canParticipation(actor, 'take_part', item)) out.push(participantVerb);
  return out;
}

/**
 * Vote results: staff of the community at any time (to follow turnout); its residents once the
 * round is closed — a running count would sway the votes still to come.
 */
export function authorizeVoteResults(actor: Actor, round: { scopePath: string }, closed: boolean): void {
  if (canParticipation(actor, 'manage', round)) return;
  authorizeParticipation(actor, 'read', round);
  if (!closed) throw new AppError('FORBIDDEN', { message: '投票结束后公布结果' });
}
