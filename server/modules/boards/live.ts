import type { Tx } from '../../platform/db/tx.ts';
import { publishLive } from '../../platform/live/events.ts';
import { deliverToInhabitants } from '../../platform/live/hub.ts';

// Residents see the boards of where they live, so they hear of their changes too.
deliverToInhabitants('board.changed');

/**
 * Announces a board change in the caller's transaction (topic `board.changed`): to staff whose
 * scope covers the board, to the people living under it, and to the post's author when someone
 * else replied to or hid it.
 */
export async function publishBoardChange(
  tx: Tx,
  change: { boardId: number; scopePath: string; postId?: number; action: string; notifyUserId?: number | null },
): Promise<void> {
  const payload = { boardId: change.boardId, postId: change.postId ?? null, action: change.action };
  await publishLive(tx, { topic: 'board.changed', scopePath: change.scopePath, payload });
  if (change.notifyUserId) await publishLive(tx, { topic: 'board.changed', userId: change.notifyUserId, payload });
}
