import { and, asc, count, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { boardScopeWhere } from './policy.ts';
import { boardPosts, boardReplies, boardReports, boards, type PostKind } from './schema.ts';

/** Boards the actor sees, nearest first for residents (building before estate before grid). */
export async function boardsFor(db: Queryable, actor: Actor) {
  return db
    .select()
    .from(boards)
    .where(boardScopeWhere(actor))
    .orderBy(desc(sql`length(${boards.scopePath})`), asc(boards.id))
    .limit(500);
}

/** Hidden content is shown only to moderators and to its author (with the reason). */
function visible(actorId: number, moderator: boolean, table: typeof boardPosts | typeof boardReplies) {
  return moderator ? undefined : or(isNull(table.hiddenAt), eq(table.authorUserId, actorId));
}

export async function postsPage(
  db: Queryable,
  actor: Actor,
  boardId: number,
  moderator: boolean,
  q: { page: number; pageSize: number; kind?: PostKind },
) {
  const where = and(
    eq(boardPosts.boardId, boardId),
    q.kind ? eq(boardPosts.kind, q.kind) : undefined,
    visible(actor.userId, moderator, boardPosts),
  );
  const replies = db
    .select({ postId: boardReplies.postId, n: count().as('n') })
    .from(boardReplies)
    .where(isNull(boardReplies.hiddenAt))
    .groupBy(boardReplies.postId)
    .as('r');
  const [rows, [total]] = await Promise.all([
    db
      .select({ post: boardPosts, replies: sql<number>`coalesce(${replies.n}, 0)::int` })
      .from(boardPosts)
      .leftJoin(replies, eq(replies.postId, boardPosts.id))
      .where(where)
      .orderBy(sql`${boardPosts.kind} = 'announcement' desc`, desc(boardPosts.createdAt), desc(boardPosts.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(boardPosts).where(where),
  ]);
  return {
    data: rows.map((r) => ({ ...r.post, replies: r.replies })),
    page: { page: q.page, pageSize: q.pageSize, total: total!.n },
  };
}

export async function repliesOf(db: Queryable, actor: Actor, postId: number, moderator: boolean) {
  return db
    .select()
    .from(boardReplies)
    .where(and(eq(boardReplies.postId, postId), visible(actor.userId, moderator, boardReplies)))
    .orderBy(asc(boardReplies.createdAt));
}

export async function openReports(db: Queryable, boardId: number) {
  return db
    .select()
    .from(boardReports)
    .where(and(eq(boardReports.boardId, boardId), isNull(boardReports.resolvedAt)))
    .orderBy(asc(boardReports.createdAt));
}
