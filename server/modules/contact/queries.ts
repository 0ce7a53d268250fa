import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { CoverageRow, HouseholdView } from '../../../contracts/contact.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { underPath } from '../../platform/scope.ts';
import { users } from '../accounts/schema.ts';
import { orgNodes } from '../org/schema.ts';
import { houses } from '../people/schema.ts';
import { contactAssignments, contactOpinions, contactRounds, contactVisits, type RoundRow } from './schema.ts';

export function roundView(r: RoundRow) {
  return { id: r.id, communityId: r.communityId, no: r.no, title: r.title, startsOn: r.startsOn, endsOn: r.endsOn };
}

export async function roundsOf(db: Queryable, communityId: number) {
  const rows = await db
    .select()
    .from(contactRounds)
    .where(eq(contactRounds.communityId, communityId))
    .orderBy(desc(contactRounds.no));
  return rows.map(roundView);
}

/** The round whose period holds `today` (Asia/Shanghai date), else the latest that has started. */
export async function currentRound(db: Queryable, communityId: number, today: string) {
  const rows = await db
    .select()
    .from(contactRounds)
    .where(and(eq(contactRounds.communityId, communityId), sql`${contactRounds.startsOn} <= ${today}`))
    .orderBy(desc(contactRounds.startsOn))
    .limit(1);
  return rows[0] ?? null;
}

/** The households the actor keeps, with the chosen round's visit and the latest visit ever. */
export async function myHouseholds(db: Queryable, actor: Actor, roundId: number | null): Promise<HouseholdView[]> {
  const rows = await db
    .select({
      houseNodeId: contactAssignments.houseNodeId,
      address: sql<string>`coalesce(${houses.address}, ${orgNodes.name})`,
      ownerName: houses.ownerName,
      visitedOn: roundId
        ? sql<
            string | null
          >`(select max(v.visited_on)::text from contact_visits v where v.house_node_id = ${contactAssignments.houseNodeId} and v.round_id = ${roundId})`
        : sql<string | null>`null`,
      lastVisitedOn: sql<
        string | null
      >`(select max(v.visited_on)::text from contact_visits v where v.house_node_id = ${contactAssignments.houseNodeId})`,
    })
    .from(contactAssignments)
    .innerJoin(orgNodes, eq(orgNodes.id, contactAssignments.houseNodeId))
    .leftJoin(houses, eq(houses.houseNodeId, contactAssignments.houseNodeId))
    .where(eq(contactAssignments.contactUserId, actor.userId))
    .orderBy(asc(orgNodes.path));
  return rows;
}

/** Visits to one household, newest first, with their opinions. */
export async function visitsOfHouse(db: Queryable, houseNodeId: number) {
  const visits = await db
    .select({
      id: contactVisits.id,
      roundId: contactVisits.roundId,
      houseNodeId: contactVisits.houseNodeId,
      visitedOn: contactVisits.visitedOn,
      metName: contactVisits.metName,
      note: contactVisits.note,
      visitorName: users.displayName,
    })
    .from(contactVisits)
    .innerJoin(users, eq(users.id, contactVisits.visitorUserId))
    .where(eq(contactVisits.houseNodeId, houseNodeId))
    .orderBy(desc(contactVisits.visitedOn), desc(contactVisits.id))
    .limit(50);
  const ids = visits.map((v) => v.id);
  const opinions = ids.length
    ? await db
        .select()
        .from(contactOpinions)
        .where(inArray(contactOpinions.visitId, ids))
        .orderBy(asc(contactOpinions.id))
    : [];
  return visits.map((v) => ({
    ...v,
    opinions: opinions.filter((o) => o.visitId === v.id).map((o) => ({ id: o.id, text: o.text, caseId: o.caseId })),
  }));
}

/** Accounts that may keep households in the community: those with contact.visit serving there. */
export async function contactCandidates(db: Queryable, communityPath: string, roles: string[]) {
  return db
    .select({ id: users.id, displayName: users.displayName, role: users.role })
    .from(users)
    .innerJoin(orgNodes, eq(orgNodes.id, users.scopeNodeId))
    .where(
      and(underPath(orgNodes.path, communityPath), isNull(users.disabledAt), inArray(users.role, roles as never[])),
    )
    .orderBy(asc(users.role), asc(users.id))
    .limit(500);
}

/**
 * Coverage of one round per grid under `root` (a community, or a grid worker's own grid):
 * households assigned, of those visited in the round, and the opinions and cases collected.
 * A house's grid is the 4th id of its path (/district/street/community/grid/…).
 */
export async function roundCoverage(db: Queryable, roundId: number, root: string) {
  const like = `${root}%`;
  const { rows } = await db.execute<{
    grid_id: number;
    grid_name: string;
    assigned: number;
    visited: number;
    opinions: number;
    cases: number;
  }>(sql`
    with a as (
      select split_part(house_path, '/', 5)::int as grid_id, house_node_id
      from contact_assignments where house_path like ${like}),
    v as (
      select distinct house_node_id from contact_visits where round_id = ${roundId} and house_path like ${like}),
    o as (
      select split_part(cv.house_path, '/', 5)::int as grid_id, count(*)::int as opinions, count(op.case_id)::int as cases
      from contact_opinions op join contact_visits cv on cv.id = op.visit_id
      where cv.round_id = ${roundId} and cv.house_path like ${like} group by 1),
    g as (
      select a.grid_id, count(*)::int as assigned, count(v.house_node_id)::int as visited
      from a left join v on v.house_node_id = a.house_node_id group by a.grid_id)
    select n.id as grid_id, n.name as grid_name, coalesce(g.assigned, 0) as assigned, coalesce(g.visited, 0) as visited,
      coalesce(o.opinions, 0) as opinions, coalesce(o.cases, 0) as cases
    from org_nodes n left join g on g.grid_id = n.id left join o on o.grid_id = n.id
    where n.level = 'grid' and n.path like ${like}
    order by n.path`);
  const grids: CoverageRow[] = rows.map((r) => row(r.grid_id, r.grid_name, r));
  const sum = (k: 'assigned' | 'visited' | 'opinions' | 'cases') => grids.reduce((s, g) => s + g[k], 0);
  const total = row(null, '合计', {
    assigned: sum('assigned'),
    visited: sum('visited'),
    opinions: sum('opinions'),
    cases: sum('cases'),
  });
  return { grids, total };
}

function row(
  gridId: number | null,
  gridName: string,
  r: { assigned: number; visited: number; opinions: number; cases: number },
): CoverageRow {
  const assigned = Number(r.assigned);
  const visited = Number(r.visited);
  return {
    gridId,
    gridName,
    assigned,
    visited,
    coveredPct: assigned ? Math.round((visited / assigned) * 1000) / 10 : 0,
    opinions: Number(r.opinions),
    cases: Number(r.cases),
  };
}
