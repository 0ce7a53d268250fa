import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  PatrolFigures,
  PatrolFindingView,
  PatrolPlanDetail,
  PatrolPlanSummary,
  patrolListQuery,
} from '../../../contracts/patrols.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { users } from '../accounts/schema.ts';
import { caseBriefs, caseOutcomeCounts } from '../cases/index.ts';
import { caseCategories } from '../cases/schema.ts';
import { orgNodes } from '../org/schema.ts';
import { candidatesFor, type LoadedPlan } from './load.ts';
import { canPatrol, patrolsVisibleWhere } from './policy.ts';
import { patrolCheckIns, patrolFindings, patrolMembers, patrolPlans, patrolRouteGrids } from './schema.ts';

const counted = (rows: { planId: number; n: number }[]) => new Map(rows.map((r) => [r.planId, Number(r.n)]));

/** Per plan: members, grids planned, grids with at least one check-in, findings. */
async function planCounts(db: Queryable, ids: number[]) {
  if (!ids.length) return { members: new Map(), planned: new Map(), covered: new Map(), findings: new Map() };
  const [members, planned, covered, findings] = await Promise.all([
    db
      .select({ planId: patrolMembers.planId, n: count() })
      .from(patrolMembers)
      .where(inArray(patrolMembers.planId, ids))
      .groupBy(patrolMembers.planId),
    db
      .select({ planId: patrolRouteGrids.planId, n: count() })
      .from(patrolRouteGrids)
      .where(inArray(patrolRouteGrids.planId, ids))
      .groupBy(patrolRouteGrids.planId),
    db
      .select({ planId: patrolCheckIns.planId, n: sql<number>`count(distinct ${patrolCheckIns.gridId})` })
      .from(patrolCheckIns)
      .where(inArray(patrolCheckIns.planId, ids))
      .groupBy(patrolCheckIns.planId),
    db
      .select({ planId: patrolFindings.planId, n: count() })
      .from(patrolFindings)
      .where(inArray(patrolFindings.planId, ids))
      .groupBy(patrolFindings.planId),
  ]);
  return {
    members: counted(members),
    planned: counted(planned),
    covered: counted(covered),
    findings: counted(findings),
  };
}

async function summaries(db: Queryable, actor: Actor, plans: (typeof patrolPlans.$inferSelect)[]) {
  const ids = plans.map((p) => p.id);
  const [counts, names, mine] = await Promise.all([
    planCounts(db, ids),
    ids.length
      ? db
          .select({ id: orgNodes.id, name: orgNodes.name })
          .from(orgNodes)
          .where(inArray(orgNodes.id, [...new Set(plans.map((p) => p.scopeNodeId))]))
      : [],
    ids.length
      ? db
          .select({ planId: patrolMembers.planId })
          .from(patrolMembers)
          .where(and(inArray(patrolMembers.planId, ids), eq(patrolMembers.userId, actor.userId)))
      : [],
  ]);
  const organisers = ids.length
    ? await db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(inArray(users.id, [...new Set(plans.map((p) => p.organiserUserId))]))
    : [];
  const nodeName = new Map(names.map((n) => [n.id, n.name]));
  const organiserName = new Map(organisers.map((o) => [o.id, o.name]));
  const memberOf = new Set(mine.map((m) => m.planId));
  return plans.map((p): PatrolPlanSummary => ({
    id: p.id,
    title: p.title,
    scopeNodeId: p.scopeNodeId,
    scopeName: nodeName.get(p.scopeNodeId) ?? '',
    startsAt: p.startsAt.toISOString(),
    endsAt: p.endsAt.toISOString(),
    status: p.status,
    organiserName: organiserName.get(p.organiserUserId) ?? '',
    members: counts.members.get(p.id) ?? 0,
    gridsPlanned: counts.planned.get(p.id) ?? 0,
    gridsCovered: counts.covered.get(p.id) ?? 0,
    findings: counts.findings.get(p.id) ?? 0,
    isMember: memberOf.has(p.id),
    mayManage: canPatrol(actor, 'plan', { scopePath: p.scopePath, memberUserIds: [] }),
  }));
}

/** Plans the actor sees, soonest-starting last: the newest plans first. */
export async function listPlans(db: Queryable, actor: Actor, q: z.infer<typeof patrolListQuery>) {
  const where = and(patrolsVisibleWhere(actor, q.view), q.status ? eq(patrolPlans.status, q.status) : undefined) as SQL;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(patrolPlans)
      .where(where)
      .orderBy(desc(patrolPlans.startsAt), desc(patrolPlans.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(patrolPlans).where(where),
  ]);
  return {
    data: await summaries(db, actor, rows),
    page: { page: q.page, pageSize: q.pageSize, total: Number(total!.n) },
  };
}

async function findingViews(db: Queryable, planId: number): Promise<PatrolFindingView[]> {
  const rows = await db
    .select({ f: patrolFindings, displayName: users.displayName, categoryName: caseCategories.name })
    .from(patrolFindings)
    .innerJoin(users, eq(users.id, patrolFindings.userId))
    .leftJoin(caseCategories, eq(caseCategories.id, patrolFindings.categoryId))
    .where(eq(patrolFindings.planId, planId))
    .orderBy(asc(patrolFindings.id));
  const briefs = await caseBriefs(
    db,
    rows.map((r) => r.f.caseId),
  );
  return rows.map(({ f, displayName, categoryName }) => ({
    id: f.id,
    gridId: f.gridId,
    userId: f.userId,
    displayName,
    categoryName: categoryName ?? '',
    description: f.description,
    at: f.at.toISOString(),
    caseId: f.caseId,
    caseNo: briefs.get(f.caseId)?.caseNo ?? '',
    caseState: briefs.get(f.caseId)?.state ?? '',
  }));
}

export async function planDetail(db: Queryable, actor: Actor, plan: LoadedPlan): Promise<PatrolPlanDetail> {
  const [[summary], members, grids, checkIns, findings] = await Promise.all([
    summaries(db, actor, [plan]),
    candidatesFor(db, plan.scopePath, plan.memberUserIds),
    db
      .select({ id: orgNodes.id, name: orgNodes.name })
      .from(orgNodes)
      .where(inArray(orgNodes.id, plan.routeGridIds.length ? plan.routeGridIds : [0])),
    db
      .select({ c: patrolCheckIns, displayName: users.displayName })
      .from(patrolCheckIns)
      .innerJoin(users, eq(users.id, patrolCheckIns.userId))
      .where(eq(patrolCheckIns.planId, plan.id))
      .orderBy(asc(patrolCheckIns.at), asc(patrolCheckIns.id)),
    findingViews(db, plan.id),
  ]);
  const gridName = new Map(grids.map((g) => [g.id, g.name]));
  // A member whose account was since disabled or moved still walked the plan: keep them listed by name.
  const known = new Set(members.map((m) => m.userId));
  const missing = plan.memberUserIds.filter((id) => !known.has(id));
  const others = missing.length
    ? await db
        .select({ userId: users.id, displayName: users.displayName, role: users.role })
        .from(users)
        .where(inArray(users.id, missing))
    : [];
  return {
    ...summary!,
    note: plan.note,
    memberList: [...members, ...others.map((o) => ({ ...o, unit: '' }))].map((m) => ({
      userId: m.userId,
      displayName: m.displayName,
      role: m.role,
      unit: m.unit,
    })),
    route: plan.routeGridIds.map((gridId, position) => ({
      gridId,
      name: gridName.get(gridId) ?? '',
      position,
      checkIns: checkIns.filter((c) => c.c.gridId === gridId).length,
      findings: findings.filter((f) => f.gridId === gridId).length,
    })),
    checkIns: checkIns.map(({ c, displayName }) => ({
      id: c.id,
      gridId: c.gridId,
      userId: c.userId,
      displayName,
      at: c.at.toISOString(),
      lng: c.lng,
      lat: c.lat,
    })),
    findingList: findings,
  };
}

/** A plan's figures; case outcomes are read through the cases module. */
export async function planFigures(db: Queryable, plan: LoadedPlan): Promise<PatrolFigures> {
  const [members, covered, checkIns, findings] = await Promise.all([
    db
      .select({ departmentId: patrolMembers.departmentId })
      .from(patrolMembers)
      .where(eq(patrolMembers.planId, plan.id)),
    db
      .select({ n: sql<number>`count(distinct ${patrolCheckIns.gridId})::int` })
      .from(patrolCheckIns)
      .where(eq(patrolCheckIns.planId, plan.id)),
    db.select({ n: count() }).from(patrolCheckIns).where(eq(patrolCheckIns.planId, plan.id)),
    db.select({ caseId: patrolFindings.caseId }).from(patrolFindings).where(eq(patrolFindings.planId, plan.id)),
  ]);
  const outcomes = await caseOutcomeCounts(
    db,
    findings.map((f) => f.caseId),
  );
  return {
    planId: plan.id,
    members: members.length,
    departments: new Set(members.map((m) => m.departmentId).filter((d) => d !== null)).size,
    gridsPlanned: plan.routeGridIds.length,
    gridsCovered: Number(covered[0]!.n),
    checkIns: Number(checkIns[0]!.n),
    findings: findings.length,
    casesCreated: outcomes.cases,
    casesClosed: outcomes.closed,
    casesClosedOnTime: outcomes.closedOnTime,
  };
}
