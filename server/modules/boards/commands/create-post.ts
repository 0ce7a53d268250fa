import type { z } from 'zod';
import type { createPostBody } from '../../../../contracts/boards.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { loadBoard } from '../load.ts';
import { publishBoardChange } from '../live.ts';
import { actionForKind, authorizeBoard } from '../policy.ts';
import { boardPosts } from '../schema.ts';

export async function createPost(db: Db, actor: Actor, boardId: number, input: z.infer<typeof createPostBody>) {
  return withTx(db, async (tx) => {
    const board = await loadBoard(tx, actor, boardId);
    authorizeBoard(actor, actionForKind(input.kind), board);
    const [row] = await tx
      .insert(boardPosts)
      .values({
        boardId,
        kind: input.kind,
        authorUserId: actor.userId,
        authorName: actor.displayName,
        title: input.title,
        body: input.body,
        eventAt: input.eventAt ? new Date(input.eventAt) : null,
        eventPlace: input.eventPlace ?? null,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'boards.post',
      targetType: 'board_post',
      targetId: row!.id,
      scopePath: board.scopePath,
      summary: { kind: input.kind, title: input.title },
    });
    await publishBoardChange(tx, { boardId, scopePath: board.scopePath, postId: row!.id, action: 'post' });
    return row!;
  });
}
