import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { loadPost } from '../load.ts';
import { publishBoardChange } from '../live.ts';
import { authorizeReply } from '../policy.ts';
import { boardReplies } from '../schema.ts';

/** Residents reply where they live; staff and leaders reply on boards they announce on. */
export async function replyToPost(db: Db, actor: Actor, boardId: number, postId: number, body: string) {
  return withTx(db, async (tx) => {
    const { board, post } = await loadPost(tx, actor, boardId, postId);
    authorizeReply(actor, board);
    if (post.hiddenAt) throw new AppError('CONFLICT', { message: '该帖子已被隐藏，不能回复' });
    const [row] = await tx
      .insert(boardReplies)
      .values({ postId, authorUserId: actor.userId, authorName: actor.displayName, body })
      .returning();
    await recordAudit(tx, actor, {
      action: 'boards.reply',
      targetType: 'board_reply',
      targetId: row!.id,
      scopePath: board.scopePath,
      summary: { postId },
    });
    await publishBoardChange(tx, {
      boardId,
      scopePath: board.scopePath,
      postId,
      action: 'reply',
      notifyUserId: post.authorUserId === actor.userId ? null : post.authorUserId,
    });
    return row!;
  });
}
