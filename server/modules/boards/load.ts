import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { AppError } from '../../platform/errors.ts';
import { boardScopeWhere } from './policy.ts';
import { boardPosts, boards } from './schema.ts';

export async function loadBoard(db: Queryable, actor: Actor, id: number) {
  const [row] = await db
    .select()
    .from(boards)
    .where(and(eq(boards.id, id), boardScopeWhere(actor)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** A post of a visible board; hidden posts are found too (moderators and authors still reach them). */
export async function loadPost(db: Queryable, actor: Actor, boardId: number, postId: number) {
  const board = await loadBoard(db, actor, boardId);
  const [post] = await db
    .select()
    .from(boardPosts)
    .where(and(eq(boardPosts.id, postId), eq(boardPosts.boardId, board.id)));
  if (!post) throw new AppError('NOT_FOUND');
  return { board, post };
}
