import { and, count, eq, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import { periodTotals } from './queries.ts';
import { partyAlerts, partyMemberPosts, partyMembers, partyPosts } from './schema.ts';

/** A party member's month: points earned against the monthly targets of their approved posts, and open alerts. */
export async function memberTodoCounts(db: Queryable, userId: number, now = new Date()) {
  const [member] = await db
    .select({ id: partyMembers.id })
    .from(partyMembers)
    .where(and(eq(partyMembers.userId, userId), isNull(partyMembers.leftOn)))
    .limit(1);
  if (!member) return null;
  const [totals, [target], [alerts]] = await Promise.all([
    periodTotals(db, member.id, now),
    db
      .select({ n: sql<number>`coalesce(sum(${partyPosts.targetPoints}), 0)`.mapWith(Number) })
      .from(partyMemberPosts)
      .innerJoin(partyPosts, eq(partyPosts.id, partyMemberPosts.postId))
      .where(
        and(
          eq(partyMemberPosts.memberId, member.id),
          eq(partyMemberPosts.state, 'approved'),
          eq(partyPosts.period, 'month'),
        ),
      ),
    db
      .select({ n: count() })
      .from(partyAlerts)
      .where(and(eq(partyAlerts.memberId, member.id), sql`${partyAlerts.createdAt} > now() - interval '31 days'`)),
  ]);
  return {
    monthPoints: totals.find((t) => t.kind === 'month')?.points ?? 0,
    monthTarget: target?.n ?? 0,
    alerts: Number(alerts?.n ?? 0),
  };
}

/** Members a co-building unit sends to serve in communities (在职党员 of that unit), still active. */
export async function coUnitMemberCount(db: Queryable, coUnitId: number) {
  const [row] = await db
    .select({ n: count() })
    .from(partyMembers)
    .where(and(eq(partyMembers.coUnitId, coUnitId), isNull(partyMembers.leftOn)));
  return Number(row?.n ?? 0);
}
