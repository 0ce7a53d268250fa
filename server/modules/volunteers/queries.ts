import { and, asc, count, desc, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/open.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { underPath } from '../../platform/scope.ts';
import { canVolunteer } from './policy.ts';
import { volunteerActivities, volunteerSignups, type ActivityRow } from './schema.ts';

export function presentActivity(actor: Actor, a: ActivityRow & { leaderUserId?: number | null }, mine?: string | null) {
  const manage = canVolunteer(actor, 'lead', a);
  return {
    id: a.id,
    teamId: a.teamId,
    communityId: a.communityId,
    title: a.title,
    place: a.place,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    capacity: a.capacity,
    confirmed: a.confirmedCount,
    state: a.state,
    myStatus: mine ?? null,
    // The code is printed as the venue's QR code: only those running the activity get it.
    checkinCode: manage ? a.checkinCode : null,
    abilities: [...(manage ? ['lead'] : []), ...(canVolunteer(actor, 'join', a) ? ['join'] : [])],
  };
}

/** Upcoming activities (everyone) or every activity in the staff member's scope ('manage'). */
export async function listActivities(
  db: Db,
  actor: Actor,
  view: 'upcoming' | 'manage',
  page: number,
  pageSize: number,
) {
  const where =
    view === 'manage'
      ? actor.scopePath
        ? underPath(volunteerActivities.communityPath, actor.scopePath)
        : sql`false`
      : and(eq(volunteerActivities.state, 'open'), gt(volunteerActivities.endsAt, new Date()));
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(volunteerActivities)
      .where(where)
      .orderBy(view === 'manage' ? desc(volunteerActivities.startsAt) : asc(volunteerActivities.startsAt))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(volunteerActivities).where(where),
  ]);
  const mine = rows.length
    ? await db
        .select({ activityId: volunteerSignups.activityId, status: volunteerSignups.status })
        .from(volunteerSignups)
        .where(
          and(
            eq(volunteerSignups.userId, actor.userId),
            inArray(
              volunteerSignups.activityId,
              rows.map((r) => r.id),
            ),
          ),
        )
    : [];
  return {
    data: rows.map((r) => presentActivity(actor, r, mine.find((m) => m.activityId === r.id)?.status)),
    page: { page, pageSize, total: Number(total?.n ?? 0) },
  };
}

export async function activitySignups(db: Db, activityId: number) {
  return db
    .select()
    .from(volunteerSignups)
    .where(and(eq(volunteerSignups.activityId, activityId), ne(volunteerSignups.status, 'cancelled')))
    .orderBy(asc(volunteerSignups.status), asc(volunteerSignups.createdAt), asc(volunteerSignups.id));
}

/** A volunteer's hours: the certificate-style summary (total, activities, by year). */
export async function volunteerSummary(db: Db, userId: number) {
  const rows = await db
    .select({
      title: volunteerActivities.title,
      startsAt: volunteerActivities.startsAt,
      place: volunteerActivities.place,
      minutes: volunteerSignups.minutes,
    })
    .from(volunteerSignups)
    .innerJoin(volunteerActivities, eq(volunteerActivities.id, volunteerSignups.activityId))
    .where(and(eq(volunteerSignups.userId, userId), sql`${volunteerSignups.minutes} is not null`))
    .orderBy(desc(volunteerActivities.startsAt))
    .limit(500);
  const minutes = rows.reduce((s, r) => s + (r.minutes ?? 0), 0);
  return {
    totalHours: Math.round((minutes / 60) * 10) / 10,
    activities: rows.length,
    records: rows.map((r) => ({ ...r, hours: Math.round(((r.minutes ?? 0) / 60) * 10) / 10 })),
  };
}

/** Teams in scope with their totals (members who served, activities, hours). The table is aliased: the scope names the alias's column. */
export async function teamTotals(db: Db, path: string) {
  const rows = await db.execute<{
    id: number;
    name: string;
    leader_user_id: number | null;
    leader_name: string | null;
    community_id: number;
    activities: number;
    volunteers: number;
    minutes: number;
  }>(sql`
    select t.id, t.name, t.leader_user_id, t.leader_name, t.community_id,
      (select count(*) from volunteer_activities a where a.team_id = t.id)::int as activities,
      (select count(distinct s.user_id) from volunteer_signups s join volunteer_activities a on a.id = s.activity_id where a.team_id = t.id and s.minutes is not null)::int as volunteers,
      (select coalesce(sum(s.minutes), 0) from volunteer_signups s join volunteer_activities a on a.id = s.activity_id where a.team_id = t.id)::int as minutes
    from volunteer_teams t where ${underPath(sql`t.community_path`, path)} order by t.id`);
  return rows.rows.map((r) => ({
    id: r.id,
    name: r.name,
    leaderUserId: r.leader_user_id,
    leaderName: r.leader_name,
    communityId: r.community_id,
    activities: Number(r.activities),
    volunteers: Number(r.volunteers),
    hours: Math.round((Number(r.minutes) / 60) * 10) / 10,
  }));
}

/** Service minutes per user, in [from, to) by activity start and in all, for summaries other modules show (a co-building unit's members). */
export async function minutesByUser(
  db: Queryable,
  userIds: number[],
  from: Date,
  to: Date,
): Promise<Map<number, { year: number; total: number }>> {
  if (!userIds.length) return new Map();
  const inRange = sql`${volunteerActivities.startsAt} >= ${from.toISOString()} and ${volunteerActivities.startsAt} < ${to.toISOString()}`;
  const rows = await db
    .select({
      userId: volunteerSignups.userId,
      year: sql<number>`coalesce(sum(${volunteerSignups.minutes}) filter (where ${inRange}), 0)::int`,
      total: sql<number>`coalesce(sum(${volunteerSignups.minutes}), 0)::int`,
    })
    .from(volunteerSignups)
    .innerJoin(volunteerActivities, eq(volunteerActivities.id, volunteerSignups.activityId))
    .where(and(inArray(volunteerSignups.userId, [...new Set(userIds)]), sql`${volunteerSignups.minutes} is not null`))
    .groupBy(volunteerSignups.userId);
  return new Map(rows.map((r) => [r.userId, { year: Number(r.year), total: Number(r.total) }]));
}
