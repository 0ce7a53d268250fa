import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/open.ts';
import { underPath } from '../../platform/scope.ts';
import { gridAssignments, users } from '../accounts/schema.ts';
import { orgNodes, partyOrgs, type OrgNodeRow } from './schema.ts';

export function publicNode(n: OrgNodeRow) {
  return {
    id: n.id,
    parentId: n.parentId,
    level: n.level,
    code: n.code,
    name: n.name,
    path: n.path,
    households: n.households,
    retiredAt: n.retiredAt ?? null,
  };
}

function idsOfPath(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}

export async function countsUnder(db: Db, path: string) {
  const rows = await db
    .select({ level: orgNodes.level, n: count() })
    .from(orgNodes)
    .where(and(underPath(orgNodes.path, path), sql`${orgNodes.path} <> ${path}`))
    .groupBy(orgNodes.level);
  const by = Object.fromEntries(rows.map((r) => [r.level, Number(r.n)]));
  return {
    streets: by.street ?? 0,
    communities: by.community ?? 0,
    grids: by.grid ?? 0,
    estates: by.estate ?? 0,
    buildings: by.building ?? 0,
    houses: by.house ?? 0,
  };
}

export async function ancestorsOf(db: Db, node: OrgNodeRow) {
  const ids = idsOfPath(node.path).filter((id) => id !== node.id);
  if (!ids.length) return [];
  const rows = await db
    .select({ id: orgNodes.id, level: orgNodes.level, name: orgNodes.name })
    .from(orgNodes)
    .where(inArray(orgNodes.id, ids));
  return ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is NonNullable<typeof r> => Boolean(r));
}

/** The grid's full-time worker: the open row of its assignment history (一格一员). */
export async function gridWorkerOf(db: Db, gridId: number) {
  const [worker] = await db
    .select({ id: users.id, displayName: users.displayName, phone: users.phone })
    .from(gridAssignments)
    .innerJoin(users, eq(users.id, gridAssignments.userId))
    .where(and(eq(gridAssignments.gridNodeId, gridId), isNull(gridAssignments.endedAt)))
    .limit(1);
  return worker ?? null;
}

export async function branchOf(db: Db, nodeId: number) {
  const [branch] = await db
    .select({ id: partyOrgs.id, name: partyOrgs.name, secretary: partyOrgs.secretaryName })
    .from(partyOrgs)
    .where(
      and(
        eq(partyOrgs.nodeId, nodeId),
        inArray(partyOrgs.kind, ['grid_branch', 'joint_committee', 'working_committee']),
      ),
    )
    .limit(1);
  return branch ?? null;
}

/** Retired children leave the list unless asked for (the tree maintenance page shows them greyed). */
export async function childrenPage(db: Db, parentId: number, page: number, pageSize: number, withRetired = false) {
  const where = and(eq(orgNodes.parentId, parentId), withRetired ? undefined : isNull(orgNodes.retiredAt));
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(orgNodes)
      .where(where)
      .orderBy(asc(orgNodes.code))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(orgNodes).where(where),
  ]);
  return { data: rows.map(publicNode), page: { page, pageSize, total: Number(total?.n ?? 0) } };
}

/** Grids under a node with the figures the map labels need, as one GeoJSON FeatureCollection. */
export async function gridsFeatureCollection(db: Db, path: string) {
  // Buildings are counted in one pass grouped by the grid id read off their path ('/d/s/c/g/…'):
  // a per-grid `path like g.path || '%'` subquery cannot use the index and took 28 s for the district.
  const rows = await db.execute<{
    id: number;
    code: string;
    name: string;
    households: number | null;
    geometry: unknown;
    community_id: number;
    community_name: string;
    buildings: number;
    grid_worker: string | null;
    branch: string | null;
  }>(sql`
    with b as (
      select split_part(path, '/', 5)::int as grid_id, count(*)::int as n from org_nodes
      where level = 'building' and retired_at is null and ${underPath(sql`path`, path)} group by 1)
    select g.id, g.code, g.name, g.households, g.geometry, c.id as community_id, c.name as community_name,
      coalesce(b.n, 0) as buildings,
      (select u.display_name from grid_assignments a join users u on u.id = a.user_id where a.grid_node_id = g.id and a.ended_at is null) as grid_worker,
      (select p.name from party_orgs p where p.node_id = g.id and p.kind = 'grid_branch' limit 1) as branch
    from org_nodes g join org_nodes c on c.id = g.parent_id left join b on b.grid_id = g.id
    where g.level = 'grid' and g.retired_at is null and ${underPath(sql`g.path`, path)}
    order by g.code`);
  return {
    type: 'FeatureCollection' as const,
    features: rows.rows.map((r) => ({
      type: 'Feature' as const,
      id: r.id,
      geometry: r.geometry,
      properties: {
        id: r.id,
        code: r.code,
        name: r.name,
        households: r.households ?? 0,
        buildings: Number(r.buildings),
        communityId: r.community_id,
        communityName: r.community_name,
        gridWorker: r.grid_worker,
        branch: r.branch,
      },
    })),
  };
}

/**
 * Communities whose name contains the term, with their street, at most 20 (there are a few
 * hundred per district: a name scan is cheap and serves two-character terms such as 南门).
 */
export async function communityDirectory(db: Db, term: string) {
  const pattern = `%${term.replace(/[\\%_]/g, '\\$&')}%`;
  const { rows } = await db.execute<{ id: number; code: string; name: string; streetName: string }>(sql`
    select c.id, c.code, c.name, s.name as "streetName"
    from org_nodes c join org_nodes s on s.id = c.parent_id
    where c.level = 'community' and c.retired_at is null and c.name like ${pattern}
    order by c.code limit 20`);
  return rows.map((r) => ({ id: Number(r.id), code: r.code, name: r.name, streetName: r.streetName }));
}
