import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import { underPath } from '../../platform/scope.ts';
import { branchNames, nodeNames } from './branches.ts';
import { periodOf } from './periods.ts';
import { partyAlerts, partyCommitments, partyMemberPosts, partyMembers, partyPoints, partyPosts, partyServiceItems, type PartyMemberRow, type RegistrationState } from './schema.ts';

export function publicMember(m: PartyMemberRow) {
  return {
    id: m.id, userId: m.userId, name: m.name, kind: m.kind, duty: m.duty, branchOrgId: m.branchOrgId, homeCommunityId: m.homeCommunityId,
    homeNodeId: m.homeNodeId, workUnit: m.workUnit, registeredCommunityId: m.registeredCommunityId, registrationState: m.registrationState,
    joinedOn: m.joinedOn, leftOn: m.leftOn, version: m.version,
  };
}

/** The full activity record (全程纪实): the member's ledger, newest first, with totals per source. */
export async function activityRecord(db: Queryable, memberId: number, page: number, pageSize: number) {
  const [rows, totals] = await Promise.all([
    db.select({ id: partyPoints.id, sourceKind: partyPoints.sourceKind, sourceId: partyPoints.sourceId, item: partyPoints.item, points: partyPoints.points, occurredAt: partyPoints.occurredAt, note: partyPoints.note, evidence: partyPoints.evidence })
      .from(partyPoints).where(eq(partyPoints.memberId, memberId)).orderBy(desc(partyPoints.occurredAt), desc(partyPoints.id)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ sourceKind: partyPoints.sourceKind, points: sql<number>`sum(${partyPoints.points})::int`, records: count() })
      .from(partyPoints).where(eq(partyPoints.memberId, memberId)).groupBy(partyPoints.sourceKind),
  ]);
  const total = totals.reduce((s, t) => s + Number(t.records), 0);
  return { data: rows, bySource: totals.map((t) => ({ sourceKind: t.sourceKind, points: Number(t.points), records: Number(t.records) })), page: { page, pageSize, total } };
}

/** Points per period kind for the member, in the current Asia/Shanghai periods. */
export async function periodTotals(db: Queryable, memberId: number, now: Date) {
  const kinds = ['month', 'quarter', 'year'] as const;
  return Promise.all(kinds.map(async (kind) => {
    const p = periodOf(kind, now);
    const [row] = await db.select({ points: sql<number>`coalesce(sum(${partyPoints.points}), 0)::int` }).from(partyPoints)
      .where(and(eq(partyPoints.memberId, memberId), sql`${partyPoints.occurredAt} >= ${p.start.toISOString()} and ${partyPoints.occurredAt} < ${p.end.toISOString()}`));
    return { kind, key: p.key, points: Number(row?.points ?? 0) };
  }));
}

export async function memberPosts(db: Queryable, memberId: number) {
  return db.select({ claimId: partyMemberPosts.id, state: partyMemberPosts.state, postId: partyPosts.id, name: partyPosts.name, period: partyPosts.period, targetPoints: partyPosts.targetPoints })
    .from(partyMemberPosts).innerJoin(partyPosts, eq(partyPosts.id, partyMemberPosts.postId)).where(eq(partyMemberPosts.memberId, memberId)).orderBy(asc(partyPosts.sort));
}

export async function memberAlerts(db: Queryable, memberId: number) {
  return db.select().from(partyAlerts).where(eq(partyAlerts.memberId, memberId)).orderBy(desc(partyAlerts.id)).limit(20);
}

export async function memberCommitments(db: Queryable, memberIds: number[]) {
  if (!memberIds.length) return [];
  return db.select().from(partyCommitments).where(inArray(partyCommitments.memberId, memberIds)).orderBy(desc(partyCommitments.year), asc(partyCommitments.id));
}

/** The member's own overview for the phone view: posts, points this period, alerts, commitments. */
export async function memberOverview(db: Queryable, m: PartyMemberRow, now: Date) {
  const [posts, totals, alerts, commitments, branches, communities] = await Promise.all([
    memberPosts(db, m.id), periodTotals(db, m.id, now), memberAlerts(db, m.id), memberCommitments(db, [m.id]),
    branchNames(db, [m.branchOrgId]), nodeNames(db, [m.homeCommunityId]),
  ]);
  return { member: { ...publicMember(m), branchName: branches.get(m.branchOrgId) ?? '', communityName: communities.get(m.homeCommunityId) ?? '' }, posts, totals, alerts, commitments };
}

export async function communityPosts(db: Queryable, communityId: number) {
  const [posts, items] = await Promise.all([
    db.select().from(partyPosts).where(eq(partyPosts.communityId, communityId)).orderBy(asc(partyPosts.sort), asc(partyPosts.id)),
    db.select().from(partyServiceItems).where(eq(partyServiceItems.communityId, communityId)).orderBy(asc(partyServiceItems.id)),
  ]);
  return posts.map((p) => ({ id: p.id, name: p.name, duties: p.duties, period: p.period, targetPoints: p.targetPoints, items: items.filter((i) => i.postId === p.id).map((i) => ({ code: i.code, label: i.label, sourceKind: i.sourceKind, points: i.points })) }));
}

export async function branchMembers(db: Queryable, branchOrgId: number, page: number, pageSize: number) {
  const where = and(eq(partyMembers.branchOrgId, branchOrgId), isNull(partyMembers.leftOn));
  const [rows, [total]] = await Promise.all([
    db.select().from(partyMembers).where(where).orderBy(asc(partyMembers.id)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ n: count() }).from(partyMembers).where(where),
  ]);
  return { data: rows.map(publicMember), page: { page, pageSize, total: Number(total?.n ?? 0) } };
}

export async function branchPostClaims(db: Queryable, branchOrgId: number) {
  return db.select({ claimId: partyMemberPosts.id, state: partyMemberPosts.state, memberId: partyMembers.id, memberName: partyMembers.name, postId: partyPosts.id, postName: partyPosts.name, createdAt: partyMemberPosts.createdAt })
    .from(partyMemberPosts).innerJoin(partyMembers, eq(partyMembers.id, partyMemberPosts.memberId)).innerJoin(partyPosts, eq(partyPosts.id, partyMemberPosts.postId))
    .where(and(eq(partyMembers.branchOrgId, branchOrgId), eq(partyMemberPosts.state, 'pending'))).orderBy(asc(partyMemberPosts.id)).limit(500);
}

export async function branchAlerts(db: Queryable, branchOrgId: number, openOnly: boolean) {
  return db.select({ id: partyAlerts.id, memberId: partyAlerts.memberId, memberName: partyMembers.name, periodKey: partyAlerts.periodKey, kind: partyAlerts.kind, points: partyAlerts.points, target: partyAlerts.target, expected: partyAlerts.expected, remindedAt: partyAlerts.remindedAt, createdAt: partyAlerts.createdAt })
    .from(partyAlerts).innerJoin(partyMembers, eq(partyMembers.id, partyAlerts.memberId))
    .where(and(eq(partyAlerts.branchOrgId, branchOrgId), openOnly ? isNull(partyAlerts.remindedAt) : undefined)).orderBy(desc(partyAlerts.id)).limit(500);
}

export async function communityRegistrations(db: Queryable, communityPath: string, state: RegistrationState) {
  const rows = await db.select().from(partyMembers).where(and(underPath(partyMembers.registeredPath, communityPath), eq(partyMembers.registrationState, state))).orderBy(asc(partyMembers.id)).limit(500);
  const branches = await branchNames(db, rows.map((r) => r.branchOrgId));
  return rows.map((m) => ({ ...publicMember(m), branchName: branches.get(m.branchOrgId) ?? '' }));
}

/** Party-member households (党员户) under a node, for the map and the house card. */
export async function partyHouseholds(db: Queryable, path: string) {
  return db.select({ nodeId: partyMembers.homeNodeId, members: count() }).from(partyMembers)
    .where(and(underPath(partyMembers.homePath, path), isNull(partyMembers.leftOn))).groupBy(partyMembers.homeNodeId).limit(5000);
}

/** What residents see of a household: members' names and their published commitments (亮身份、作承诺). */
export async function householdCommitments(db: Queryable, nodeId: number) {
  const members = await db.select({ id: partyMembers.id, name: partyMembers.name }).from(partyMembers).where(and(eq(partyMembers.homeNodeId, nodeId), isNull(partyMembers.leftOn)));
  const commitments = await memberCommitments(db, members.map((m) => m.id));
  return members.map((m) => ({ name: m.name, commitments: commitments.filter((c) => c.memberId === m.id).map((c) => ({ year: c.year, content: c.content, state: c.state })) }));
}
