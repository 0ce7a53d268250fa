import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import { boardPosts, boards } from './schema.ts';

/**
 * The announcements (公告) on a community's own board, for its public portal: title, text and date
 * only — never who wrote them; hidden ones are left out.
 */
export async function communityNotices(q: Queryable, communityId: number, limit = 20) {
  return q
    .select({ id: boardPosts.id, title: boardPosts.title, body: boardPosts.body, publishedAt: boardPosts.createdAt })
    .from(boardPosts)
    .innerJoin(boards, eq(boards.id, boardPosts.boardId))
    .where(and(eq(boards.nodeId, communityId), eq(boardPosts.kind, 'announcement'), isNull(boardPosts.hiddenAt)))
    .orderBy(desc(boardPosts.createdAt), desc(boardPosts.id))
    .limit(limit);
}
