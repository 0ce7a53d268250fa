import { and, count, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import { underPath } from '../../platform/scope.ts';
import { wishItems } from './schema.ts';

/** Open wishes of the community waiting for someone to claim them, and the person's own wishes and claims in progress. */
export async function wishTodoCounts(db: Queryable, userId: number, communityPath: string | null) {
  const n = (rows: { n: number }[]) => Number(rows[0]?.n ?? 0);
  const [toClaim, myClaims, myWishes] = await Promise.all([
    communityPath
      ? db
          .select({ n: count() })
          .from(wishItems)
          .where(and(underPath(wishItems.communityPath, communityPath), eq(wishItems.state, 'open')))
          .then(n)
      : 0,
    db
      .select({ n: count() })
      .from(wishItems)
      .where(and(eq(wishItems.claimantUserId, userId), eq(wishItems.state, 'claimed')))
      .then(n),
    db
      .select({ n: count() })
      .from(wishItems)
      .where(
        and(
          eq(wishItems.requesterUserId, userId),
          inArray(wishItems.state, ['pending_review', 'open', 'claimed', 'fulfilled']),
        ),
      )
      .then(n),
  ]);
  return { toClaim, myClaims, myWishes };
}
