import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { actorCovers, isUnder, underPath } from '../../platform/scope.ts';
import { hasAbility } from '../accounts/abilities.ts';
import type { PostKind } from './schema.ts';
import { boards } from './schema.ts';

export type BoardAction = 'read' | 'post' | 'announce' | 'moderate' | 'manage';

/**
 * The one place deciding access to neighbourhood boards. Residents (and members, volunteers,
 * building leaders) see the boards of the places they live in: the board's node is an ancestor
 * of (or equal to) their scope node. Staff see the boards under their scope, to moderate them.
 */
export function boardScopeWhere(actor: Actor): SQL {
  if (!actor.scopePath || (!hasAbility(actor.role, 'boards.read') && !hasAbility(actor.role, 'boards.manage')))
    return sql`false`;
  const lives = sql`${actor.scopePath} like ${boards.scopePath} || '%'`;
  return hasAbility(actor.role, 'boards.moderate') || hasAbility(actor.role, 'boards.manage')
    ? sql`(${lives} or ${underPath(boards.scopePath, actor.scopePath)})`
    : lives;
}

function livesUnder(actor: Actor, boardPath: string): boolean {
  return Boolean(actor.scopePath && isUnder(actor.scopePath, boardPath));
}

export function canBoard(actor: Actor, action: BoardAction, board: { scopePath: string }): boolean {
  switch (action) {
    case 'read':
      return (
        (hasAbility(actor.role, 'boards.read') && livesUnder(actor, board.scopePath)) ||
        canBoard(actor, 'moderate', board) ||
        canBoard(actor, 'manage', board)
      );
    case 'post':
      return hasAbility(actor.role, 'boards.post') && livesUnder(actor, board.scopePath);
    // Staff announce on boards they cover; a building leader on the boards of where they serve.
    case 'announce':
      return (
        hasAbility(actor.role, 'boards.announce') &&
        (actorCovers(actor, board.scopePath) || livesUnder(actor, board.scopePath))
      );
    case 'moderate':
      return hasAbility(actor.role, 'boards.moderate') && actorCovers(actor, board.scopePath);
    case 'manage':
      return hasAbility(actor.role, 'boards.manage') && actorCovers(actor, board.scopePath);
  }
}

export function authorizeBoard(actor: Actor, action: BoardAction, board: { scopePath: string }): void {
  if (!canBoard(actor, action, board)) throw new AppError('FORBIDDEN');
}

/** Announcements need the announce right; every other kind is a resident's post. */
export function actionForKind(kind: PostKind): BoardAction {
  return kind === 'announcement' ? 'announce' : 'post';
}

export function boardAbilities(actor: Actor, board: { scopePath: string }): BoardAction[] {
  return (['read', 'post', 'announce', 'moderate', 'manage'] as const).filter((a) => canBoard(actor, a, board));
}

/** Residents reply where they live; staff and leaders reply on boards they announce on. */
export function authorizeReply(actor: Actor, board: { scopePath: string }): void {
  if (!canBoard(actor, 'post', board) && !canBoard(actor, 'announce', board)) throw new AppError('FORBIDDEN');
}

/** Only the author of a mutual-help request marks it resolved. */
export function authorizeResolveHelp(actor: Actor, post: { kind: PostKind; authorUserId: number }): void {
  if (post.kind !== 'help' || post.authorUserId !== actor.userId) throw new AppError('FORBIDDEN');
}
