import { eq } from 'drizzle-orm';
import type { PatrolPlanInput, PatrolStatus, PatrolStatusAction } from '../../../../contracts/patrols.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx, type Tx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { candidatesFor, gridsUnder, loadPlan, scopeNode, type PlanRow } from '../load.ts';
import { authorizePatrol, authorizePlanCreate } from '../policy.ts';
import { patrolMembers, patrolPlans, patrolRouteGrids } from '../schema.ts';

/** Checks the scope, members and route of a plan; writes members and route for `planId`. */
async function writeMembersAndRoute(tx: Tx, planId: number, scopePath: string, input: PatrolPlanInput) {
  const memberIds = [...new Set(input.memberUserIds)];
  const members = await candidatesFor(tx, scopePath, memberIds);
  if (members.length !== memberIds.length)
    throw invalid('memberUserIds', '成员须为服务该区域的在岗工作人员或职能部门人员');
  const grids = new Set((await gridsUnder(tx, scopePath)).map((g) => g.id));
  const outside = input.routeGridIds.findIndex((id) => !grids.has(id));
  if (outside >= 0) throw invalid(`routeGridIds.${outside}`, '路线中的网格不在巡查范围内');
  await tx.delete(patrolMembers).where(eq(patrolMembers.planId, planId));
  await tx.delete(patrolRouteGrids).where(eq(patrolRouteGrids.planId, planId));
  await tx
    .insert(patrolMembers)
    .values(members.map((m) => ({ planId, userId: m.userId, departmentId: m.departmentId })));
  await tx
    .insert(patrolRouteGrids)
    .values(input.routeGridIds.map((gridId, position) => ({ planId, gridId, position })));
}

async function scopeOf(tx: Tx, input: PatrolPlanInput) {
  const node = await scopeNode(tx, input.scopeNodeId);
  if (!node) throw invalid('scopeNodeId', '巡查范围须为街道或社区');
  return node;
}

export async function createPlan(db: Db, actor: Actor, input: PatrolPlanInput): Promise<PlanRow> {
  return withTx(db, async (tx) => {
    const node = await scopeOf(tx, input);
    authorizePlanCreate(actor, node.path);
    const [plan] = await tx
      .insert(patrolPlans)
      .values({
        title: input.title,
        scopeNodeId: node.id,
        scopePath: node.path,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        note: input.note ?? null,
        organiserUserId: actor.userId,
      })
      .returning();
    await writeMembersAndRoute(tx, plan!.id, node.path, input);
    await recordAudit(tx, actor, {
      action: 'patrols.plan',
      targetType: 'patrol_plan',
      targetId: plan!.id,
      scopePath: node.path,
      summary: { title: input.title, members: input.memberUserIds.length, grids: input.routeGridIds.length },
    });
    return plan!;
  });
}

/** Edits a plan that has not started; the editor becomes its organiser (findings are filed in their name). */
export async function updatePlan(db: Db, actor: Actor, id: number, input: PatrolPlanInput): Promise<PlanRow> {
  return withTx(db, async (tx) => {
    const current = await loadPlan(tx, id, { forUpdate: true });
    authorizePatrol(actor, 'plan', current);
    if (current.status !== 'planned') throw new AppError('CONFLICT', { message: '巡查已开始或已结束，不能再修改计划' });
    const node = await scopeOf(tx, input);
    authorizePlanCreate(actor, node.path);
    const [plan] = await tx
      .update(patrolPlans)
      .set({
        title: input.title,
        scopeNodeId: node.id,
        scopePath: node.path,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        note: input.note ?? null,
        organiserUserId: actor.userId,
        updatedAt: new Date(),
      })
      .where(eq(patrolPlans.id, id))
      .returning();
    await writeMembersAndRoute(tx, id, node.path, input);
    await recordAudit(tx, actor, {
      action: 'patrols.edit',
      targetType: 'patrol_plan',
      targetId: id,
      scopePath: node.path,
      summary: { title: input.title },
    });
    return plan!;
  });
}

const STATUS_STEPS: Record<PatrolStatusAction, { from: PatrolStatus[]; to: PatrolStatus }> = {
  start: { from: ['planned'], to: 'in_progress' },
  finish: { from: ['in_progress'], to: 'done' },
  cancel: { from: ['planned', 'in_progress'], to: 'cancelled' },
};

export async function changePlanStatus(db: Db, actor: Actor, id: number, action: PatrolStatusAction): Promise<void> {
  await withTx(db, async (tx) => {
    const plan = await loadPlan(tx, id, { forUpdate: true });
    authorizePatrol(actor, 'plan', plan);
    const step = STATUS_STEPS[action];
    if (!step.from.includes(plan.status))
      throw new AppError('CONFLICT', { message: '当前状态不能执行此操作，请刷新后重试' });
    await tx.update(patrolPlans).set({ status: step.to, updatedAt: new Date() }).where(eq(patrolPlans.id, id));
    await recordAudit(tx, actor, {
      action: `patrols.${action}`,
      targetType: 'patrol_plan',
      targetId: id,
      scopePath: plan.scopePath,
      summary: { from: plan.status, to: step.to },
    });
  });
}
