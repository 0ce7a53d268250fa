import { and, asc, count, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { PartyOrgKind } from '../../../contracts/party-orgs.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { AppError } from '../../platform/errors.ts';
import { underPath } from '../../platform/scope.ts';
import { coUnitPairings, coUnits, orgNodes, partyOrgs } from '../org/schema.ts';
import { canPartyOrg, partyOrgScopeWhere } from './policy.ts';
import { partyMemberPosts, partyMembers, partyPosts } from './schema.ts';

export type PartyOrgRow = typeof partyOrgs.$inferSelect;

/**
 * What may be built under what (支部建在网格上): the kind of parent and the level of the
 * governance node each kind stands on. A functional group (老兵之家…) stands on no node.
 */
export const ORG_RULES: Record<
  PartyOrgKind,
  { parents: readonly PartyOrgKind[]; node: 'street' | 'community' | 'grid' | 'building' | null }
> = {
  working_committee: { parents: [], node: 'street' },
  joint_committee: { parents: ['working_committee'], node: 'community' },
  grid_branch: { parents: ['joint_committee'], node: 'grid' },
  building_group: { parents: ['grid_branch'], node: 'building' },
  functional_group: { parents: ['joint_committee', 'grid_branch'], node: null },
};

/** Kinds that hold members directly (party_members.branch_org_id). */
export const MEMBER_HOLDING_KINDS: readonly PartyOrgKind[] = ['grid_branch', 'joint_committee'];

export function childKindsOf(kind: PartyOrgKind): PartyOrgKind[] {
  return (Object.keys(ORG_RULES) as PartyOrgKind[]).filter((k) => ORG_RULES[k].parents.includes(kind));
}

/** One organisation inside the actor's scope (404 otherwise; `forUpdate` locks it for a change). */
export async function loadPartyOrgFor(
  db: Queryable,
  actor: Actor,
  id: number,
  forUpdate = false,
): Promise<PartyOrgRow> {
  const q = db
    .select()
    .from(partyOrgs)
    .where(and(eq(partyOrgs.id, id), partyOrgScopeWhere(actor)))
    .limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Tree rows with their node's name and their active sub-organisations and members, in one read each. */
async function present(db: Queryable, rows: PartyOrgRow[]) {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const nodeIds = rows.flatMap((r) => (r.nodeId === null ? [] : [r.nodeId]));
  const [children, members, nodes] = await Promise.all([
    db
      .select({ id: partyOrgs.parentId, n: count() })
      .from(partyOrgs)
      .where(and(inArray(partyOrgs.parentId, ids), isNull(partyOrgs.retiredAt)))
      .groupBy(partyOrgs.parentId),
    db
      .select({ id: partyMembers.branchOrgId, n: count() })
      .from(partyMembers)
      .where(and(inArray(partyMembers.branchOrgId, ids), isNull(partyMembers.leftOn)))
      .groupBy(partyMembers.branchOrgId),
    nodeIds.length
      ? db.select({ id: orgNodes.id, name: orgNodes.name }).from(orgNodes).where(inArray(orgNodes.id, nodeIds))
      : Promise.resolve([]),
  ]);
  const n = (list: { id: number | null; n: number }[], id: number) => Number(list.find((x) => x.id === id)?.n ?? 0);
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parentId,
    kind: r.kind,
    name: r.name,
    nodeId: r.nodeId,
    nodeName: nodes.find((x) => x.id === r.nodeId)?.name ?? null,
    secretaryName: r.secretaryName,
    retiredAt: r.retiredAt ? r.retiredAt.toISOString() : null,
    childCount: n(children, r.id),
    memberCount: n(members, r.id),
  }));
}

export async function presentOrg(db: Queryable, row: PartyOrgRow) {
  return (await present(db, [row]))[0]!;
}

/**
 * One level of the tree: the children of `parentId`, or — without it — the viewer's top
 * organisations (those in scope whose parent is not: a community secretary's joint committee,
 * a district administrator's working committees). A level holds tens of rows (grids of a
 * community, communities of a street), capped at 500.
 */
export async function treeLevel(db: Queryable, actor: Actor, parentId: number | undefined, withRetired: boolean) {
  const active = withRetired ? undefined : isNull(partyOrgs.retiredAt);
  let where: SQL;
  if (parentId !== undefined) {
    await loadPartyOrgFor(db, actor, parentId);
    where = and(eq(partyOrgs.parentId, parentId), partyOrgScopeWhere(actor), active)!;
  } else {
    const parentInScope = actor.scopePath
      ? sql`exists (select 1 from ${partyOrgs} p where p.id = ${partyOrgs.parentId} and p.scope_path like ${`${actor.scopePath}%`})`
      : sql`false`;
    where = and(partyOrgScopeWhere(actor), sql`not ${parentInScope}`, active)!;
  }
  const rows = await db
    .select()
    .from(partyOrgs)
    .where(where)
    .orderBy(asc(partyOrgs.kind), asc(partyOrgs.id))
    .limit(500);
  return present(db, rows);
}

export async function pairingsOf(db: Queryable, orgId: number) {
  const rows = await db
    .select({
      id: coUnitPairings.id,
      coUnitId: coUnits.id,
      coUnitName: coUnits.name,
      coUnitType: coUnits.type,
      relation: coUnitPairings.relation,
      agreement: coUnitPairings.agreement,
      signedOn: coUnitPairings.signedOn,
    })
    .from(coUnitPairings)
    .innerJoin(coUnits, eq(coUnits.id, coUnitPairings.coUnitId))
    .where(eq(coUnitPairings.partyOrgId, orgId))
    .orderBy(asc(coUnitPairings.id));
  return rows;
}

/** The member filter of an organisation: a branch's own members; a building group's, those of its branch living in its building. */
async function memberWhereOf(db: Queryable, org: PartyOrgRow): Promise<SQL | null> {
  if (MEMBER_HOLDING_KINDS.includes(org.kind))
    return and(eq(partyMembers.branchOrgId, org.id), isNull(partyMembers.leftOn))!;
  if (org.kind === 'building_group' && org.nodeId !== null && org.parentId !== null) {
    const [building] = await db.select({ path: orgNodes.path }).from(orgNodes).where(eq(orgNodes.id, org.nodeId));
    if (building)
      return and(
        eq(partyMembers.branchOrgId, org.parentId),
        isNull(partyMembers.leftOn),
        underPath(partyMembers.homePath, building.path),
      )!;
  }
  return null;
}

/** 设岗定责 per organisation: the community's posts and how many of its members hold each (approved claims). */
async function postsOf(db: Queryable, org: PartyOrgRow, memberWhere: SQL | null) {
  const ids = org.scopePath.split('/').filter(Boolean);
  if (ids.length < 3) return [];
  const communityId = Number(ids[2]);
  const posts = await db
    .select()
    .from(partyPosts)
    .where(eq(partyPosts.communityId, communityId))
    .orderBy(asc(partyPosts.sort), asc(partyPosts.id));
  const holders =
    memberWhere && posts.length
      ? await db
          .select({ postId: partyMemberPosts.postId, n: count() })
          .from(partyMemberPosts)
          .innerJoin(partyMembers, eq(partyMembers.id, partyMemberPosts.memberId))
          .where(
            and(
              memberWhere,
              eq(partyMemberPosts.state, 'approved'),
              inArray(
                partyMemberPosts.postId,
                posts.map((p) => p.id),
              ),
            ),
          )
          .groupBy(partyMemberPosts.postId)
      : [];
  return posts.map((p) => ({
    id: p.id,
    name: p.name,
    duties: p.duties,
    period: p.period,
    targetPoints: p.targetPoints,
    holders: Number(holders.find((h) => h.postId === p.id)?.n ?? 0),
  }));
}

export async function orgDetail(db: Queryable, actor: Actor, org: PartyOrgRow) {
  const memberWhere = await memberWhereOf(db, org);
  const [base, parent, pairings, posts] = await Promise.all([
    presentOrg(db, org),
    org.parentId === null
      ? Promise.resolve([])
      : db.select({ name: partyOrgs.name }).from(partyOrgs).where(eq(partyOrgs.id, org.parentId)),
    pairingsOf(db, org.id),
    postsOf(db, org, memberWhere),
  ]);
  const manage = canPartyOrg(actor, 'manage', org) && org.retiredAt === null;
  return {
    ...base,
    parentName: parent[0]?.name ?? null,
    pairings,
    posts,
    abilities: manage ? ['manage' as const] : [],
    childKinds: manage ? childKindsOf(org.kind) : [],
  };
}

/** The organisation's members with the posts they hold (认岗, approved), one page. */
export async function orgMembers(db: Queryable, org: PartyOrgRow, page: number, pageSize: number) {
  const where = await memberWhereOf(db, org);
  if (!where)
    return { data: [], page: { page, pageSize, total: 0 }, note: '功能型党小组的成员来自各支部，未单独登记名册' };
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: partyMembers.id, name: partyMembers.name, kind: partyMembers.kind, duty: partyMembers.duty })
      .from(partyMembers)
      .where(where)
      .orderBy(sql`${partyMembers.duty} = 'secretary' desc`, asc(partyMembers.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(partyMembers).where(where),
  ]);
  const posts = rows.length
    ? await db
        .select({ memberId: partyMemberPosts.memberId, name: partyPosts.name })
        .from(partyMemberPosts)
        .innerJoin(partyPosts, eq(partyPosts.id, partyMemberPosts.postId))
        .where(
          and(
            inArray(
              partyMemberPosts.memberId,
              rows.map((r) => r.id),
            ),
            eq(partyMemberPosts.state, 'approved'),
          ),
        )
        .orderBy(asc(partyPosts.sort))
    : [];
  return {
    data: rows.map((m) => ({ ...m, posts: posts.filter((p) => p.memberId === m.id).map((p) => p.name) })),
    page: { page, pageSize, total: Number(total?.n ?? 0) },
    note: null,
  };
}

/**
 * Governance nodes a new sub-organisation of `kind` may stand on: nodes of the right level under
 * the parent's area that no active organisation of that kind stands on yet (at most 500).
 */
export async function nodeOptions(db: Queryable, parentScopePath: string, kind: PartyOrgKind) {
  const level = ORG_RULES[kind].node;
  if (!level) return [];
  const taken = sql`exists (select 1 from ${partyOrgs} o where o.node_id = ${orgNodes.id} and o.kind = ${kind} and o.retired_at is null)`;
  return db
    .select({ id: orgNodes.id, name: orgNodes.name, level: orgNodes.level })
    .from(orgNodes)
    .where(
      and(
        eq(orgNodes.level, level),
        underPath(orgNodes.path, parentScopePath),
        isNull(orgNodes.retiredAt),
        sql`not ${taken}`,
      ),
    )
    .orderBy(asc(orgNodes.code))
    .limit(500);
}
