import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import { underPath } from '../../platform/scope.ts';
import { branchNames, nodeNames } from './branches.ts';
import { periodOf } from './periods.ts';
import {
  partyAlerts,
  partyCommitments,
  partyMemberPosts,
  partyMembers,
  partyPoints,
  partyPosts,
  partyServiceItems,
  type PartyMemberRow,
  type RegistrationState,
} from './schema.ts';

export function publicMember(m: PartyMemberRow) {
  return {
    id: m.id,
    userId: m.userId,
    name: m.name,
    kind: m.kind,
    duty: m.duty,
    branchOrgId: m.branchOrgId,
    homeCommunityId: m.homeCommunityId,
    homeNodeId: m.homeNodeId,
    workUnit: m.workUnit,
    coUnitId: m.coUnitId,
    registeredCommunityId: m.registeredCommunityId,
    registrationState: m.registrationState,
    joinedOn: m.joinedOn,
    leftOn: m.leftOn,
    version: m.version,
  };
}

export interface RecordEntry {
  id: number;
  sourceKind: string;
  sourceId: string;
  item: string;
  points: number;
  occurredAt: Date;
  note: string | null;
  evidence: string | null;
}

/**
 * The full activity record (全程纪实): one page of the member's ledger, newest first, and the totals
 * per source, in ONE statement (one round trip, one backend: under load two parallel queries each
 * wait for a CPU). Both halves read party_points_member_record_idx: the page in index order with
 * one heap visit per row shown, the totals index-only. Pages follow a keyset cursor (`before` = the
 * last id shown), so a long record costs the same on page 10 as on page 1.
 */
export async function activityRecord(db: Queryable, memberId: number, pageSize: number, before?: number) {
  const after =
    before === undefined
      ? sql``
      : sql`and (p.occurred_at, p.id) < (select b.occurred_at, b.id from party_points b where b.id = ${before} and b.member_id = ${memberId})`;
  const result = await db.execute<{
    row_kind: 'entry' | 'total';
    id: number | null;
    source_kind: string;
    source_id: string | null;
    item: string | null;
    points: number;
    occurred_at: Date | null;
    note: string | null;
    evidence: string | null;
    records: number | null;
  }>(sql`
    (select 'entry' as row_kind, p.id, p.source_kind, p.source_id, p.item, p.points, p.occurred_at, p.note, p.evidence, null::int as records
       from party_points p where p.member_id = ${memberId} ${after} order by p.occurred_at desc, p.id desc limit ${pageSize})
    union all
    (select 'total', null, t.source_kind, null, null, sum(t.points)::int, null, null, null, count(*)::int
       from party_points t where t.member_id = ${memberId} group by t.source_kind)`);
  const data: RecordEntry[] = [];
  const bySource: { sourceKind: string; points: number; records: number }[] = [];
  for (const r of result.rows) {
    if (r.row_kind === 'entry')
      data.push({
        id: Number(r.id),
        sourceKind: r.source_kind,
        sourceId: r.source_id!,
        item: r.item!,
        points: Number(r.points),
        occurredAt: new Date(r.occurred_at!),
        note: r.note,
        evidence: r.evidence,
      });
    else bySource.push({ sourceKind: r.source_kind, points: Number(r.points), records: Number(r.records) });
  }
  bySource.sort((a, b) => b.points - a.points || a.sourceKind.localeCompare(b.sourceKind));
  const total = bySource.reduce((s, t) => s + t.records, 0);
  const next = data.length === pageSize ? data[data.length - 1]!.id : null;
  return { data, bySource, page: { pageSize, total, next } };
}

/** Points per period kind for the member, in the current Asia/Shanghai periods. */
export async function periodTotals(db: Queryable, memberId: number, now: Date) {
  const kinds = ['month', 'quarter', 'year'] as const;
  return Promise.all(
    kinds.map(async (kind) => {
      const p = periodOf(kind, now);
      const [row] = await db
        .select({ points: sql<number>`coalesce(sum(${partyPoints.points}), 0)::int` })
        .from(partyPoints)
        .where(
          and(
            eq(partyPoints.memberId, memberId),
            sql`${partyPoints.occurredAt} >= ${p.start.toISOString()} and ${partyPoints.occurredAt} < ${p.end.toISOString()}`,
          ),
        );
      return { kind, key: p.key, points: Number(row?.points ?? 0) };
    }),
  );
}

export async function memberPosts(db: Queryable, memberId: number) {
  return db
    .select({
      claimId: partyMemberPosts.id,
      state: partyMemberPosts.state,
      postId: partyPosts.id,
      name: partyPosts.name,
      period: partyPosts.period,
      targetPoints: partyPosts.targetPoints,
    })
    .from(partyMemberPosts)
    .innerJoin(partyPosts, eq(partyPosts.id, partyMemberPosts.postId))
    .where(eq(partyMemberPosts.memberId, memberId))
    .orderBy(asc(partyPosts.sort));
}

export async function memberAlerts(db: Queryable, memberId: number) {
  return db
    .select()
    .from(partyAlerts)
    .where(eq(partyAlerts.memberId, memberId))
    .orderBy(desc(partyAlerts.id))
    .limit(20);
}

export async function memberCommitments(db: Queryable, memberIds: number[]) {
  if (!memberIds.length) return [];
  return db
    .select()
    .from(partyCommitments)
    .where(inArray(partyCommitments.memberId, memberIds))
    .orderBy(desc(partyCommitments.year), asc(partyCommitments.id));
}

/** The member's own overview for the phone view: posts, points this period, alerts, commitments. */
export async function memberOverview(db: Queryable, m: PartyMemberRow, now: Date) {
  const [posts, totals, alerts, commitments, branches, communities] = await Promise.all([
    memberPosts(db, m.id),
    periodTotals(db, m.id, now),
    memberAlerts(db, m.id),
    memberCommitments(db, [m.id]),
    branchNames(db, [m.branchOrgId]),
    nodeNames(
      db,
      [m.homeCommunityId, m.registeredCommunityId].filter((id): id is number => id !== null),
    ),
  ]);
  return {
    member: {
      ...publicMember(m),
      branchName: branches.get(m.branchOrgId) ?? '',
      communityName: communities.get(m.homeCommunityId) ?? '',
      registeredCommunityName:
        m.registeredCommunityId === null ? null : (communities.get(m.registeredCommunityId) ?? null),
    },
    posts,
    totals,
    alerts,
    commitments,
  };
}

export async function communityPosts(db: Queryable, communityId: number) {
  const [posts, items] = await Promise.all([
    db
      .select()
      .from(partyPosts)
      .where(eq(partyPosts.communityId, communityId))
      .orderBy(asc(partyPosts.sort), asc(partyPosts.id)),
    db
      .select()
      .from(partyServiceItems)
      .where(eq(partyServiceItems.communityId, communityId))
      .orderBy(asc(partyServiceItems.id)),
  ]);
  return posts.map((p) => ({
    id: p.id,
    name: p.name,
    duties: p.duties,
    period: p.period,
    targetPoints: p.targetPoints,
    items: items
      .filter((i) => i.postId === p.id)
      .map((i) => ({ code: i.code, label: i.label, sourceKind: i.sourceKind, points: i.points })),
  }));
}

export async function branchMembers(db: Queryable, branchOrgId: number, page: number, pageSize: number) {
  const where = and(eq(partyMembers.branchOrgId, branchOrgId), isNull(partyMembers.leftOn));
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
  return { data: rows.map(publicMember), page: { page, pageSize, total: Number(total?.n ?? 0) } };
}

export async function branchPostClaims(db: Queryable, branchOrgId: number) {
  return db
    .select({
      claimId: partyMemberPosts.id,
      state: partyMemberPosts.state,
      memberId: partyMembers.id,
      memberName: partyMembers.name,
      postId: partyPosts.id,
      postName: partyPosts.name,
      createdAt: partyMemberPosts.createdAt,
    })
    .from(partyMemberPosts)
    .innerJoin(partyMembers, eq(partyMembers.id, partyMemberPosts.memberId))
    .innerJoin(partyPosts, eq(partyPosts.id, partyMemberPosts.postId))
    .where(and(eq(partyMembers.branchOrgId, branchOrgId), eq(partyMemberPosts.state, 'pending')))
    .orderBy(asc(partyMemberPosts.id))
    .limit(500);
}

export async function branchAlerts(db: Queryable, branchOrgId: number, openOnly: boolean) {
  return db
    .select({
      id: partyAlerts.id,
      memberId: partyAlerts.memberId,
      memberName: partyMembers.name,
      periodKey: partyAlerts.periodKey,
      kind: partyAlerts.kind,
      points: partyAlerts.points,
      target: partyAlerts.target,
      expected: partyAlerts.expected,
      remindedAt: partyAlerts.remindedAt,
      createdAt: partyAlerts.createdAt,
    })
    .from(partyAlerts)
    .innerJoin(partyMembers, eq(partyMembers.id, partyAlerts.memberId))
    .where(and(eq(partyAlerts.branchOrgId, branchOrgId), openOnly ? isNull(partyAlerts.remindedAt) : undefined))
    .orderBy(desc(partyAlerts.id))
    .limit(500);
}

export async function communityRegistrations(db: Queryable, communityPath: string, state: RegistrationState) {
  const rows = await db
    .select()
    .from(partyMembers)
    .where(and(underPath(partyMembers.registeredPath, communityPath), eq(partyMembers.registrationState, state)))
    .orderBy(asc(partyMembers.id))
    .limit(500);
  const branches = await branchNames(
    db,
    rows.map((r) => r.branchOrgId),
  );
  return rows.map((m) => ({ ...publicMember(m), branchName: branches.get(m.branchOrgId) ?? '' }));
}

/** Party-member households (党员户) under a node, for the map and the house card. */
export async function partyHouseholds(db: Queryable, path: string) {
  return db
    .select({ nodeId: partyMembers.homeNodeId, members: count() })
    .from(partyMembers)
    .where(and(underPath(partyMembers.homePath, path), isNull(partyMembers.leftOn)))
    .groupBy(partyMembers.homeNodeId)
    .limit(5000);
}

/** What residents see of a household: members' names and their published commitments (亮身份、作承诺). */
export async function householdCommitments(db: Queryable, nodeId: number) {
  const members = await db
    .select({ id: partyMembers.id, name: partyMembers.name })
    .from(partyMembers)
    .where(and(eq(partyMembers.homeNodeId, nodeId), isNull(partyMembers.leftOn)));
  const commitments = await memberCommitments(
    db,
    members.map((m) => m.id),
  );
  return members.map((m) => ({
    name: m.name,
    commitments: commitments
      .filter((c) => c.memberId === m.id)
      .map((c) => ({ year: c.year, content: c.content, state: c.state })),
  }));
}
