import { and, asc, count, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import { invalid } from '../../platform/errors.ts';
import { coUnits } from '../org/schema.ts';
import { minutesByUser } from '../volunteers/queries.ts';
import { branchNames, nodeNames } from './branches.ts';
import { periodOf } from './periods.ts';
import { partyMemberPosts, partyMembers, partyPoints, partyPosts, type MemberKind } from './schema.ts';

export async function findCoUnit(db: Queryable, id: number) {
  const [row] = await db
    .select({ id: coUnits.id, name: coUnits.name, type: coUnits.type })
    .from(coUnits)
    .where(eq(coUnits.id, id));
  return row ?? null;
}

/** Co-building units a member may name as work unit (their names are public on the joint committee's page). */
export async function listCoUnits(db: Queryable) {
  return db.select({ id: coUnits.id, name: coUnits.name, type: coUnits.type }).from(coUnits).orderBy(asc(coUnits.id));
}

/**
 * The work unit a member names: an in-service member whose unit is a co-building unit names it by
 * id (the unit's own name is recorded, so the two never disagree); a free-text work unit has no unit link, and
 * only in-service members are sent by a unit.
 */
export async function resolveWorkUnit(
  db: Queryable,
  kind: MemberKind,
  input: { workUnit?: string; coUnitId?: number },
  current: { workUnit: string | null },
) {
  if (input.coUnitId === undefined) return { workUnit: input.workUnit ?? current.workUnit, coUnitId: null };
  if (kind !== 'in_service') throw invalid('coUnitId', '只有在职党员可选择共建单位作为工作单位');
  const unit = await findCoUnit(db, input.coUnitId);
  if (!unit) throw invalid('coUnitId', '共建单位不存在');
  return { workUnit: unit.name, coUnitId: unit.id };
}

/**
 * The members a unit sent (在职党员 naming it), with one year's community service: points and
 * records from the ledger (index-only on the member index), volunteer hours, approved posts.
 * `scope` narrows the rows for staff (their policy predicate); a unit contact passes none.
 */
export async function coUnitMembers(
  db: Queryable,
  unitId: number,
  scope: SQL | undefined,
  year: number,
  page: number,
  pageSize: number,
) {
  const where = and(
    eq(partyMembers.coUnitId, unitId),
    eq(partyMembers.kind, 'in_service'),
    isNull(partyMembers.leftOn),
    or(isNull(partyMembers.registrationState), ne(partyMembers.registrationState, 'rejected')),
    scope,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(partyMembers)
      .where(where)
      .orderBy(asc(partyMembers.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(partyMembers).where(where),
  ]);
  if (!rows.length) return { data: [], page: { page, pageSize, total: Number(total?.n ?? 0) } };
  const ids = rows.map((r) => r.id);
  const y = periodOf('year', new Date(Date.UTC(year, 6, 1)));
  const inYear = sql`${partyPoints.occurredAt} >= ${y.start.toISOString()} and ${partyPoints.occurredAt} < ${y.end.toISOString()}`;
  const [points, posts, branches, communities, minutes] = await Promise.all([
    db
      .select({
        memberId: partyPoints.memberId,
        yearPoints: sql<number>`coalesce(sum(${partyPoints.points}) filter (where ${inYear}), 0)::int`,
        yearRecords: sql<number>`(count(*) filter (where ${inYear}))::int`,
        totalPoints: sql<number>`sum(${partyPoints.points})::int`,
      })
      .from(partyPoints)
      .where(inArray(partyPoints.memberId, ids))
      .groupBy(partyPoints.memberId),
    db
      .select({ memberId: partyMemberPosts.memberId, name: partyPosts.name })
      .from(partyMemberPosts)
      .innerJoin(partyPosts, eq(partyPosts.id, partyMemberPosts.postId))
      .where(and(inArray(partyMemberPosts.memberId, ids), eq(partyMemberPosts.state, 'approved')))
      .orderBy(asc(partyPosts.sort)),
    branchNames(
      db,
      rows.map((r) => r.branchOrgId),
    ),
    nodeNames(
      db,
      rows.map((r) => r.homeCommunityId),
    ),
    minutesByUser(
      db,
      rows.flatMap((r) => (r.userId ? [r.userId] : [])),
      y.start,
      y.end,
    ),
  ]);
  const hours = (m: number | undefined) => Math.round(((m ?? 0) / 60) * 10) / 10;
  return {
    data: rows.map((m) => {
      const p = points.find((x) => x.memberId === m.id);
      const mins = m.userId ? minutes.get(m.userId) : undefined;
      return {
        id: m.id,
        name: m.name,
        workUnit: m.workUnit,
        registrationState: m.registrationState,
        branchName: branches.get(m.branchOrgId) ?? '',
        communityName: communities.get(m.homeCommunityId) ?? '',
        posts: posts.filter((x) => x.memberId === m.id).map((x) => x.name),
        points: { year: Number(p?.yearPoints ?? 0), total: Number(p?.totalPoints ?? 0) },
        records: Number(p?.yearRecords ?? 0),
        hours: { year: hours(mins?.year), total: hours(mins?.total) },
      };
    }),
    page: { page, pageSize, total: Number(total?.n ?? 0) },
  };
}
