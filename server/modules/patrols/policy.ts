import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { actorCovers, underPath } from '../../platform/scope.ts';
import { hasAbility } from '../accounts/abilities.ts';
import { patrolPlans } from './schema.ts';

/**
 * The one place deciding access to joint patrols.
 * - `plan`: create, edit, start, finish, cancel — planners (ability patrols.plan) whose scope covers the plan.
 * - `read`: a plan's detail and figures — its planners, and its members.
 * - `walk`: check in and record findings — members only (a planner who walks puts themself on the plan).
 * No patrol ability at all is 403; a plan the actor may not see is 404, as for every record;
 * a plan the actor sees but may not act on is 403.
 */
export type PatrolAction = 'read' | 'plan' | 'walk';

export interface PatrolFacts {
  scopePath: string;
  memberUserIds: number[];
}

const mayPlanIn = (actor: Actor, scopePath: string) =>
  hasAbility(actor.role, 'patrols.plan') && actorCovers(actor, scopePath);
const isMember = (actor: Actor, facts: PatrolFacts) => facts.memberUserIds.includes(actor.userId);

export function hasPatrolAbility(actor: Actor): boolean {
  return hasAbility(actor.role, 'patrols.plan') || hasAbility(actor.role, 'patrols.join');
}

export function canPatrol(actor: Actor, action: PatrolAction, facts: PatrolFacts): boolean {
  if (!hasPatrolAbility(actor)) return false;
  if (action === 'plan') return mayPlanIn(actor, facts.scopePath);
  if (action === 'walk') return hasAbility(actor.role, 'patrols.join') && isMember(actor, facts);
  return mayPlanIn(actor, facts.scopePath) || isMember(actor, facts);
}

export function authorizePatrol(actor: Actor, action: PatrolAction, facts: PatrolFacts): void {
  if (canPatrol(actor, action, facts)) return;
  if (!hasPatrolAbility(actor)) throw new AppError('FORBIDDEN', { message: '您无权参与联合巡查' });
  if (!canPatrol(actor, 'read', facts)) throw new AppError('NOT_FOUND');
  throw new AppError('FORBIDDEN', {
    message: action === 'plan' ? '您无权编排此次联合巡查' : '只有巡查成员可以签到和上报问题',
  });
}

/** Creating a plan over a node: planners only (403), within their scope (404 outside, like any record). */
export function authorizePlanCreate(actor: Actor, scopePath: string | null): void {
  if (!hasAbility(actor.role, 'patrols.plan')) throw new AppError('FORBIDDEN', { message: '您无权编排联合巡查' });
  if (!scopePath || !actorCovers(actor, scopePath)) throw new AppError('NOT_FOUND');
}

/** Listing needs some patrol ability (403); the rows are then cut by patrolsVisibleWhere. */
export function authorizePatrolList(actor: Actor): void {
  if (!hasPatrolAbility(actor)) throw new AppError('FORBIDDEN', { message: '您无权参与联合巡查' });
}

/** Plans the actor sees: those in a scope they plan for, and those they walk in. */
export function patrolsVisibleWhere(actor: Actor, view: 'mine' | 'all'): SQL {
  const member = sql`exists (select 1 from patrol_members m where m.plan_id = ${patrolPlans.id} and m.user_id = ${actor.userId})`;
  if (view === 'mine' || !hasAbility(actor.role, 'patrols.plan') || !actor.scopePath) return member;
  return sql`(${underPath(patrolPlans.scopePath, actor.scopePath)} or ${member})`;
}

/**
 * Whether an account may be put on a plan over `planPath`: staff serving that area. Department
 * staff serve the street (or the whole district) their department's unit serves; community and
 * grid staff join patrols that touch their area; street staff any patrol in their street.
 */
export function mayJoinPlan(
  member: { role: Actor['role']; scopePath: string | null; departmentServesPath: string | null },
  planPath: string,
): boolean {
  if (!hasAbility(member.role, 'patrols.join')) return false;
  if (member.role === 'department_handler')
    return Boolean(member.departmentServesPath && planPath.startsWith(member.departmentServesPath));
  if (!member.scopePath) return false;
  return planPath.startsWith(member.scopePath) || member.scopePath.startsWith(planPath);
}
