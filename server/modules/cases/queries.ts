import { and, asc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { inboxQuery } from '../../../contracts/cases.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { WorkingCalendar } from '../../platform/calendar/index.ts';
import type { Db } from '../../platform/db/open.ts';
import { users } from '../accounts/schema.ts';
import { departments, orgNodes } from '../org/schema.ts';
import { deadlineColour } from './deadline-steps.ts';
import { STATE_LABELS_ZH } from './lifecycle.ts';
import { casesScopeWhere } from './policy.ts';
import { caseCategories, caseEvents, casePhotos, cases } from './schema.ts';

/** Counting past this many rows costs more than it tells (30 ms at 10,000): the web app shows "1000+". */
const COUNT_CAP = 1_000;

const ALL_STATES = [
  'reported',
  'accepted',
  'rejected',
  'merged',
  'dispatched',
  'signed',
  'extension_requested',
  'handled',
  'verified',
  'closed',
  'rated',
  'parked',
  'on_agenda',
] as const;
const NEWEST_FIRST = sql`reported_at desc nulls last, id desc nulls last`;

/** Everything but the state: scope, deadline colour, "mine", search words. */
function inboxFilter(actor: Actor, q: z.infer<typeof inboxQuery>): SQL {
  const parts: (SQL | undefined)[] = [casesScopeWhere(actor)];
  if (q.deadline === 'red') parts.push(lt(cases.dueAt, sql`now()`));
  if (q.deadline === 'yellow') parts.push(and(eq(cases.deadlineNotice, 'yellow'), sql`${cases.dueAt} >= now()`));
  if (q.deadline === 'green')
    parts.push(or(sql`${cases.dueAt} is null`, and(eq(cases.deadlineNotice, 'none'), sql`${cases.dueAt} >= now()`)));
  if (q.mine) {
    parts.push(
      actor.role === 'department_handler'
        ? eq(cases.departmentId, actor.departmentId ?? -1)
        : or(
            eq(cases.reporterUserId, actor.userId),
            sql`${cases.assigneeNodeId} = ${actor.scopeNodeId ?? -1} and ${cases.dispatchLevel} <> 'department'`,
          ),
    );
  }
  if (q.q)
    parts.push(or(sql`${cases.caseNo} = ${q.q}`, sql`${cases.title} like ${`%${q.q.replace(/[\\%_]/g, '\\$&')}%`}`));
  return and(...parts)!;
}

/**
 * The ids of one inbox page. Each state is read as its own newest-first index range (scope,
 * state, reported_at) limited to the page's end, and the short lists are merged: no sort of
 * every matching case, however many there are.
 */
async function pageIds(
  db: Db,
  states: readonly string[],
  filter: SQL,
  offset: number,
  limit: number,
): Promise<number[]> {
  const branches = states.map(
    (state) =>
      sql`(select id, reported_at from ${cases} where ${filter} and ${cases.state} = ${state} order by ${NEWEST_FIRST} limit ${offset + limit})`,
  );
  const rows = await db.execute<{ id: number }>(
    sql`select id from (${sql.join(branches, sql` union all `)}) t order by ${NEWEST_FIRST} offset ${offset} limit ${limit}`,
  );
  return rows.rows.map((r) => Number(r.id));
}

/** The inbox: cases in scope, filtered by state and deadline, newest first, paginated. */
export async function listCases(db: Db, actor: Actor, q: z.infer<typeof inboxQuery>, calendar: WorkingCalendar) {
  const states = q.state === undefined ? ALL_STATES : [q.state].flat();
  const filter = inboxFilter(actor, q);
  // The page's ids and the (capped) total do not depend on each other: ask for both at once.
  const [ids, [counted]] = await Promise.all([
    pageIds(db, states, filter, (q.page - 1) * q.pageSize, q.pageSize),
    db
      .execute<{ n: number }>(
        sql`select count(*)::int as n from (select 1 from ${cases} where ${filter} and ${inArray(cases.state, [...states])} limit ${COUNT_CAP + 1}) t`,
      )
      .then((r) => r.rows),
  ]);
  const rows = ids.length
    ? await db
        .select({
          id: cases.id,
          caseNo: cases.caseNo,
          title: cases.title,
          state: cases.state,
          source: cases.source,
          reportedAt: cases.reportedAt,
          dueAt: cases.dueAt,
          stepStartedAt: cases.stepStartedAt,
          categoryName: caseCategories.name,
          communityName: orgNodes.name,
          gridId: cases.gridId,
          dispatchLevel: cases.dispatchLevel,
          departmentName: departments.name,
          address: cases.address,
          version: cases.version,
          thumbnailId: sql<number | null>`(select min(p.id) from case_photos p where p.case_id = ${cases.id})`,
        })
        .from(cases)
        .leftJoin(caseCategories, eq(caseCategories.id, cases.categoryId))
        .leftJoin(orgNodes, eq(orgNodes.id, cases.communityId))
        .leftJoin(departments, eq(departments.id, cases.departmentId))
        .where(inArray(cases.id, ids))
    : [];
  rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
  const now = new Date();
  return {
    data: rows.map(({ stepStartedAt, ...r }) => ({
      ...r,
      stateLabel: STATE_LABELS_ZH[r.state],
      deadline: deadlineColour(now, r.dueAt, 0.2, stepStartedAt ?? undefined, calendar),
    })),
    page: {
      page: q.page,
      pageSize: q.pageSize,
      total: Math.min(Number(counted?.n ?? 0), COUNT_CAP),
      totalCapped: Number(counted?.n ?? 0) > COUNT_CAP,
    },
  };
}

/** The timeline of a case, oldest first, with who acted. */
export async function caseTimeline(db: Db, caseId: number) {
  return db
    .select({
      id: caseEvents.id,
      at: caseEvents.at,
      action: caseEvents.action,
      fromState: caseEvents.fromState,
      toState: caseEvents.toState,
      note: caseEvents.note,
      photoIds: caseEvents.photoIds,
      data: caseEvents.data,
      actorRole: caseEvents.actorRole,
      actorName: users.displayName,
    })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorUserId))
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.at), asc(caseEvents.id));
}

export async function casePhotoIds(db: Db, caseId: number): Promise<number[]> {
  return (
    await db
      .select({ id: casePhotos.id })
      .from(casePhotos)
      .where(eq(casePhotos.caseId, caseId))
      .orderBy(asc(casePhotos.id))
  ).map((p) => p.id);
}

export async function namesFor(db: Db, ids: (number | null)[]) {
  const wanted = ids.filter((id): id is number => id !== null);
  if (!wanted.length) return new Map<number, string>();
  const rows = await db
    .select({ id: orgNodes.id, name: orgNodes.name })
    .from(orgNodes)
    .where(inArray(orgNodes.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function categoryTree(db: Db) {
  const rows = await db
    .select()
    .from(caseCategories)
    .where(eq(caseCategories.active, true))
    .orderBy(asc(caseCategories.code));
  return rows
    .filter((r) => r.parentId === null)
    .map((g) => ({ ...g, children: rows.filter((c) => c.parentId === g.id) }));
}
