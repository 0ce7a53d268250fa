import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { actorCovers, isUnder, underPath } from '../../platform/scope.ts';
import { hasAbility } from '../accounts/abilities.ts';
import { ratingRuns } from './schema.ts';

export type RatingAction = 'read' | 'compute' | 'adjust' | 'vote' | 'rate_property' | 'read_list';

/**
 * The one place deciding access to ratings. `path` is the street's path for runs and lists,
 * the subject's path for adjustments and votes, the estate's path for residents' ratings.
 */
export function canRating(actor: Actor, action: RatingAction, path: string): boolean {
  switch (action) {
    case 'read':
      return (
        hasAbility(actor.role, 'ratings.read') &&
        Boolean(actor.scopePath) &&
        (actorCovers(actor, path) || isUnder(actor.scopePath!, path))
      );
    // The two-colour list is published: anyone living or working in the street sees it.
    case 'read_list':
      return Boolean(actor.scopePath) && (actorCovers(actor, path) || isUnder(actor.scopePath!, path));
    case 'compute':
      return hasAbility(actor.role, 'ratings.compute') && actorCovers(actor, path);
    case 'adjust':
      return hasAbility(actor.role, 'ratings.adjust') && actorCovers(actor, path);
    case 'vote':
      return hasAbility(actor.role, 'ratings.vote') && actorCovers(actor, path);
    case 'rate_property':
      return (
        hasAbility(actor.role, 'ratings.rate_property') && Boolean(actor.scopePath) && isUnder(actor.scopePath!, path)
      );
  }
}

export function authorizeRating(actor: Actor, action: RatingAction, path: string): void {
  if (!canRating(actor, action, path)) throw new AppError('FORBIDDEN');
}

/** Residents' monthly rating of their property company: refused by role before anything is looked up. */
export function mayRateProperty(actor: Actor): boolean {
  return hasAbility(actor.role, 'ratings.rate_property');
}

/**
 * A stored result is found (else 404) by whoever lives or works under its subject or covers it;
 * outside the actor's branch of the tree it does not exist for them.
 */
export function resultInScope(actor: Actor, subjectPath: string): boolean {
  return Boolean(actor.scopePath && (isUnder(subjectPath, actor.scopePath) || isUnder(actor.scopePath, subjectPath)));
}

/** Rating runs are read by rating readers placed on a node (runs of their street or below). */
export function assertCanReadRuns(actor: Actor): asserts actor is Actor & { scopePath: string } {
  if (!actor.scopePath) throw new AppError('FORBIDDEN');
  authorizeRating(actor, 'read', actor.scopePath);
}

/** Runs of the actor's street (or of the streets under them): staff of a community see their street's runs. */
export function ratingRunScopeWhere(actor: Actor & { scopePath: string }): SQL {
  return sql`(${underPath(ratingRuns.scopePath, actor.scopePath)} or ${actor.scopePath} like ${ratingRuns.scopePath} || '%')`;
}

/**
 * One run with its results: found (else 404) by whoever may read its street's published list; the
 * two-colour property list is published, the other kinds need the rating reader's right.
 */
export function authorizeRunRead<T extends { kind: string; scopePath: string }>(
  actor: Actor,
  run: T | undefined,
): asserts run is T {
  if (!run || !canRating(actor, 'read_list', run.scopePath)) throw new AppError('NOT_FOUND');
  if (run.kind !== 'property_month') authorizeRating(actor, 'read', run.scopePath);
}
