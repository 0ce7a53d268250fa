import { and, count, eq, gt, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import { underPath } from '../../platform/scope.ts';
import { volunteerActivities, volunteerSignups } from './schema.ts';

/** Upcoming activities of the community the person has not signed up for, their upcoming sign-ups, and hours served. */
export async function volunteerTodoCounts(db: Queryable, userId: number, communityPath: string | null) {
  const mine = sql`exists (select 1 from ${volunteerSignups} s where s.activity_id = ${volunteerActivities.id} and s.user_id = ${userId} and s.status <> 'cancelled')`;
  const [open, upcoming, minutes] = await Promise.all([
    communityPath
      ? db
          .select({ n: count() })
          .from(volunteerActivities)
          .where(
            and(
              underPath(volunteerActivities.communityPath, communityPath),
              eq(volunteerActivities.state, 'open'),
              gt(volunteerActivities.startsAt, sql`now()`),
              sql`not ${mine}`,
            ),
          )
          .then((r) => Number(r[0]?.n ?? 0))
      : 0,
    db
      .select({ n: count() })
      .from(volunteerSignups)
      .innerJoin(volunteerActivities, eq(volunteerActivities.id, volunteerSignups.activityId))
      .where(
        and(
          eq(volunteerSignups.userId, userId),
          ne(volunteerSignups.status, 'cancelled'),
          gt(volunteerActivities.startsAt, sql`now()`),
        ),
      )
      .then((r) => Number(r[0]?.n ?? 0)),
    db
      .select({ m: sql<number>`coalesce(sum(${volunteerSignups.minutes}), 0)`.mapWith(Number) })
      .from(volunteerSignups)
      .where(eq(volunteerSignups.userId, userId))
      .then((r) => r[0]?.m ?? 0),
  ]);
  return { openActivities: open, upcomingSignups: upcoming, hours: Math.round((minutes / 60) * 10) / 10 };
}
