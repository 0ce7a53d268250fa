import { and, asc, count, desc, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { partyOrgs } from '../org/schema.ts';
import { tallyAttendance } from './attendance.ts';
import { meetingScopeWhere, resolutionScopeWhere } from './policy.ts';
import { agendaItems, meetingInvitees, meetings, resolutions, type Attendance, type MeetingType } from './schema.ts';
import { shanghaiToday } from '../../platform/calendar/local-day.ts';

export async function meetingsPage(
  db: Queryable,
  actor: Actor,
  q: { page: number; pageSize: number; type?: MeetingType },
) {
  const where = and(meetingScopeWhere(actor), q.type ? eq(meetings.type, q.type) : undefined);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(meetings)
      .where(where)
      .orderBy(desc(meetings.startsAt), desc(meetings.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(meetings).where(where),
  ]);
  return { data: rows, page: { page: q.page, pageSize: q.pageSize, total: total!.n } };
}

/** A resolution is overdue when still open after its due day (Asia/Shanghai). */
export function withOverdue<T extends { status: string; dueOn: string }>(row: T, today = shanghaiToday()) {
  return { ...row, overdue: row.status === 'open' && row.dueOn < today };
}

export async function meetingDetail(db: Queryable, meetingId: number) {
  const [invitees, agenda, resolved] = await Promise.all([
    db.select().from(meetingInvitees).where(eq(meetingInvitees.meetingId, meetingId)).orderBy(asc(meetingInvitees.id)),
    db.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(asc(agendaItems.position)),
    db.select().from(resolutions).where(eq(resolutions.meetingId, meetingId)).orderBy(asc(resolutions.id)),
  ]);
  return {
    invitees,
    agenda,
    resolutions: resolved.map((r) => withOverdue(r)),
    attendance: tallyAttendance(invitees.map((i) => i.attendance)),
  };
}

export async function resolutionsList(db: Queryable, actor: Actor, overdueOnly: boolean) {
  const today = shanghaiToday();
  const rows = await db
    .select()
    .from(resolutions)
    .where(
      and(
        resolutionScopeWhere(actor),
        overdueOnly ? and(eq(resolutions.status, 'open'), lt(resolutions.dueOn, today)) : undefined,
      ),
    )
    .orderBy(asc(resolutions.status), asc(resolutions.dueOn))
    .limit(500);
  return rows.map((r) => withOverdue(r, today));
}

/** Attendance rate per person and per party organisation over held meetings in the actor's scope. */
export async function attendanceStats(db: Queryable, actor: Actor, from: Date, to: Date) {
  const rows = await db
    .select({
      userId: meetingInvitees.userId,
      displayName: meetingInvitees.displayName,
      partyOrgId: meetingInvitees.partyOrgId,
      attendance: meetingInvitees.attendance,
    })
    .from(meetingInvitees)
    .innerJoin(meetings, eq(meetings.id, meetingInvitees.meetingId))
    .where(
      and(
        meetingScopeWhere(actor),
        eq(meetings.status, 'held'),
        sql`${meetings.startsAt} >= ${from} and ${meetings.startsAt} < ${to}`,
      ),
    );
  const group = <K>(key: (r: (typeof rows)[number]) => K | null) => {
    const map = new Map<K, Attendance[]>();
    for (const r of rows) {
      const k = key(r);
      if (k !== null) map.set(k, [...(map.get(k) ?? []), r.attendance]);
    }
    return map;
  };
  const names = new Map(rows.filter((r) => r.userId).map((r) => [r.userId!, r.displayName]));
  const byOrg = group((r) => r.partyOrgId);
  const orgNames = byOrg.size
    ? await db
        .select({ id: partyOrgs.id, name: partyOrgs.name })
        .from(partyOrgs)
        .where(inArray(partyOrgs.id, [...byOrg.keys()]))
    : [];
  return {
    overall: tallyAttendance(rows.map((r) => r.attendance)),
    people: [...group((r) => r.userId)].map(([userId, marks]) => ({
      userId,
      displayName: names.get(userId)!,
      ...tallyAttendance(marks),
    })),
    branches: [...byOrg].map(([partyOrgId, marks]) => ({
      partyOrgId,
      name: orgNames.find((o) => o.id === partyOrgId)?.name ?? '',
      ...tallyAttendance(marks),
    })),
  };
}

/** Attendance of the invitees attending for one party organisation (the star rating's indicator). */
export async function branchAttendanceRate(
  db: Queryable,
  partyOrgId: number,
  from: Date,
  to: Date,
): Promise<number | null> {
  const rows = await db
    .select({ attendance: meetingInvitees.attendance })
    .from(meetingInvitees)
    .innerJoin(meetings, eq(meetings.id, meetingInvitees.meetingId))
    .where(
      and(
        eq(meetingInvitees.partyOrgId, partyOrgId),
        isNotNull(meetingInvitees.userId),
        eq(meetings.status, 'held'),
        sql`${meetings.startsAt} >= ${from} and ${meetings.startsAt} < ${to}`,
      ),
    );
  return tallyAttendance(rows.map((r) => r.attendance)).rate;
}
