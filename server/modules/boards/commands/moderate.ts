import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { loadPost } from '../load.ts';
import { publishBoardChange } from '../live.ts';
import { authorizeBoard, authorizeResolveHelp } from '../policy.ts';
import { boardPosts, boardReplies, boardReports } from '../schema.ts';

/** Hides a post or one reply with a reason (kept, never deleted) and resolves the reports on it. */
export async function hideContent(
  db: Db,
  actor: Actor,
  boardId: number,
  postId: number,
  input: { reason: string; replyId?: number },
) {
  return withTx(db, async (tx) => {
    const { board, post } = await loadPost(tx, actor, boardId, postId);
    authorizeBoard(actor, 'moderate', board);
    const hidden = { hiddenAt: new Date(), hiddenReason: input.reason, hiddenBy: actor.userId };
    if (input.replyId) {
      const [r] = await tx
        .update(boardReplies)
        .set(hidden)
        .where(and(eq(boardReplies.id, input.replyId), eq(boardReplies.postId, postId)))
        .returning({ id: boardReplies.id });
      if (!r) throw invalid('replyId', '回复不存在');
    } else {
      await tx.update(boardPosts).set(hidden).where(eq(boardPosts.id, postId));
    }
    await tx
      .update(boardReports)
      .set({ resolvedAt: new Date() })
      .where(
        and(
          eq(boardReports.postId, postId),
          input.replyId ? eq(boardReports.replyId, input.replyId) : isNull(boardReports.replyId),
          isNull(boardReports.resolvedAt),
        ),
      );
    await publishBoardChange(tx, {
      boardId,
      scopePath: board.scopePath,
      postId,
      action: 'hide',
      notifyUserId: post.authorUserId === actor.userId ? null : post.authorUserId,
    });
    await recordAudit(tx, actor, {
      action: 'boards.hide',
      targetType: input.replyId ? 'board_reply' : 'board_post',
      targetId: input.replyId ?? postId,
      scopePath: board.scopePath,
      summary: { reason: input.reason },
    });
    return { hidden: true };
  });
}

/** Anyone who can read the board may report abuse once per post or reply. */
export async function reportContent(
  db: Db,
  actor: Actor,
  boardId: number,
  postId: number,
  input: { reason: string; replyId?: number },
) {
  return withTx(db, async (tx) => {
    const { board } = await loadPost(tx, actor, boardId, postId);
    authorizeBoard(actor, 'read', board);
    const [row] = await tx
      .insert(boardReports)
      .values({ boardId, postId, replyId: input.replyId ?? null, reporterUserId: actor.userId, reason: input.reason })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('DUPLICATE', { message: '您已举报过该内容' });
    await publishBoardChange(tx, { boardId, scopePath: board.scopePath, postId, action: 'report' });
    await recordAudit(tx, actor, {
      action: 'boards.report',
      targetType: 'board_post',
      targetId: postId,
      scopePath: board.scopePath,
      summary: { reason: input.reason },
    });
    return row;
  });
}

/** The author of a mutual-help request marks it resolved. */
export async function resolveHelp(db: Db, actor: Actor, boardId: number, postId: number) {
  return withTx(db, async (tx) => {
    const { board, post } = await loadPost(tx, actor, boardId, postId);
    authorizeResolveHelp(actor, post);
    const [row] = await tx
      .update(boardPosts)
      .set({ helpResolvedAt: new Date() })
      .where(eq(boardPosts.id, postId))
      .returning();
    await publishBoardChange(tx, { boardId, scopePath: board.scopePath, postId, action: 'resolve' });
    await recordAudit(tx, actor, {
      action: 'boards.help.resolve',
      targetType: 'board_post',
      targetId: postId,
      scopePath: board.scopePath,
    });
    return row!;
  });
}
