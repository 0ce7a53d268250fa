import { and, count, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import { underPath } from '../../platform/scope.ts';
import { bookings } from './schema.ts';

/** The person's bookings still in progress, and (for staff) bookings in their area waiting to be received. */
export async function bookingTodoCounts(db: Queryable, userId: number, scopePath: string | null) {
  const n = (rows: { n: number }[]) => Number(rows[0]?.n ?? 0);
  const [mine, toReceive] = await Promise.all([
    db
      .select({ n: count() })
      .from(bookings)
      .where(and(eq(bookings.residentUserId, userId), inArray(bookings.status, ['submitted', 'received'])))
      .then(n),
    scopePath
      ? db
          .select({ n: count() })
          .from(bookings)
          .where(and(underPath(bookings.scopePath, scopePath), eq(bookings.status, 'submitted')))
          .then(n)
      : 0,
  ]);
  return { myBookings: mine, toReceive };
}
