import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { AppError } from '../../platform/errors.ts';
import { users } from '../accounts/schema.ts';
import { departments, orgNodes } from '../org/schema.ts';
import { mayJoinPlan, type PatrolFacts } from './policy.ts';
import { patrolMembers, patrolPlans, patrolRouteGrids } from './schema.ts';

export type PlanRow = typeof patrolPlans.$inferSelect;
export type LoadedPlan = PlanRow & PatrolFacts & { routeGridIds: number[] };

/** A plan with its members and route; 404 when it does not exist. `forUpdate` locks the plan row. */
export async function loadPlan(db: Queryable, id: number, options: { forUpdate?: boolean } = {}): Promise<LoadedPlan> {
  const query = db.select().from(patrolPlans).where(eq(patrolPlans.id, id));
  const [plan] = options.forUpdate ? await query.for('update') : await query;
  if (!plan) throw new AppError('NOT_FOUND');
  const [members, route] = await Promise.all([
    db.select({ userId: patrolMembers.userId }).from(patrolMembers).where(eq(patrolMembers.planId, id)),
    db
      .select({ gridId: patrolRouteGrids.gridId })
      .from(patrolRouteGrids)
      .where(eq(patrolRouteGrids.planId, id))
      .orderBy(asc(patrolRouteGrids.position)),
  ]);
  return { ...plan, memberUserIds: members.map((m) => m.userId), routeGridIds: route.map((r) => r.gridId) };
}

const serving = alias(orgNodes, 'serving');
export interface Candidate {
  userId: number;
  displayName: string;
  role: Actor['role'];
  unit: string;
  departmentId: number | null;
}

/**
 * Active accounts that may walk a patrol over `planPath` (policy.mayJoinPlan decides; the SQL
 * only narrows the rows to related scopes so a street's hundreds of residents are never read).
 */
export async function candidatesFor(db: Queryable, planPath: string, onlyIds?: number[]): Promise<Candidate[]> {
  const rows = await db
    .select({
      userId: users.id,
      displayName: users.displayName,
      role: users.role,
      scopePath: orgNodes.path,
      scopeName: orgNodes.name,
      departmentId: users.departmentId,
      departmentName: departments.name,
      departmentServesPath: serving.path,
    })
    .from(users)
    .leftJoin(orgNodes, eq(orgNodes.id, users.scopeNodeId))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .leftJoin(serving, eq(serving.id, departments.servesNodeId))
    .where(
      and(
        isNull(users.disabledAt),
        inArray(users.role, [
          'street_admin',
          'community_secretary',
          'community_staff',
          'grid_worker',
          'department_handler',
        ]),
        onlyIds ? inArray(users.id, onlyIds.length ? onlyIds : [0]) : undefined,
        sql`(${planPath} like ${serving.path} || '%' or ${planPath} like ${orgNodes.path} || '%' or ${orgNodes.path} like ${planPath} || '%')`,
      ),
    )
    .orderBy(asc(users.role), asc(users.id))
    .limit(500);
  return rows
    .filter((r) => mayJoinPlan(r, planPath))
    .map((r) => ({
      userId: r.userId,
      displayName: r.displayName,
      role: r.role,
      unit: r.departmentName ?? r.scopeName ?? '',
      departmentId: r.role === 'department_handler' ? r.departmentId : null,
    }));
}

/** Grids under a street or community, in code order, with their community's name. */
export async function gridsUnder(db: Queryable, path: string) {
  const community = alias(orgNodes, 'community');
  return db
    .select({ id: orgNodes.id, name: orgNodes.name, communityName: community.name })
    .from(orgNodes)
    .innerJoin(community, eq(community.id, orgNodes.parentId))
    .where(and(eq(orgNodes.level, 'grid'), sql`${orgNodes.path} like ${path} || '%'`, isNull(orgNodes.retiredAt)))
    .orderBy(asc(orgNodes.code))
    .limit(1000);
}

/** The scope node of a plan: a street or community, else null. */
export async function scopeNode(db: Queryable, id: number) {
  const [node] = await db
    .select({ id: orgNodes.id, path: orgNodes.path, name: orgNodes.name, level: orgNodes.level })
    .from(orgNodes)
    .where(and(eq(orgNodes.id, id), inArray(orgNodes.level, ['street', 'community'])));
  return node ?? null;
}
