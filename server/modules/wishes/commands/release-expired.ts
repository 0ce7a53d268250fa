import { and, asc, eq, lt } from 'drizzle-orm';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { wishItems } from '../schema.ts';
import { applyWishTransition } from './transition-wish.ts';

/**
 * The deadline sweep: claims not fulfilled by their due time go back on the board. Each wish is
 * released in its own transaction through the same transition as a manual release; a wish that
 * changed meanwhile (fulfilled at the last minute) fails its version check and is skipped.
 */
export async function releaseExpiredClaims(db: Db, now = new Date()): Promise<number> {
  const due = await db
    .select()
    .from(wishItems)
    .where(and(eq(wishItems.state, 'claimed'), lt(wishItems.claimDueAt, now)))
    .orderBy(asc(wishItems.id))
    .limit(500);
  let released = 0;
  for (const wish of due) {
    const ok = await withTx(db, (tx) =>
      applyWishTransition(tx, null, wish, { action: 'release', version: wish.version, note: '认领超期自动释放' }, now),
    ).then(
      () => true,
      () => false,
    );
    if (ok) released++;
  }
  return released;
}
