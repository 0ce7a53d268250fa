import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { checkInBody, findingBody } from '../../../../contracts/patrols.ts';
import type { AppDeps } from '../../../app-deps.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { withTx, type Queryable, type Tx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { users } from '../../accounts/schema.ts';
import {
  caseBriefs,
  defaultDepartment,
  defaultLevel,
  reportCase,
  transitionInTx,
  type CaseRow,
} from '../../cases/index.ts';
import { caseCategories } from '../../cases/schema.ts';
import { orgNodes } from '../../org/schema.ts';
import { loadPlan, type LoadedPlan } from '../load.ts';
import { authorizePatrol } from '../policy.ts';
import { patrolCheckIns, patrolFindings, patrolPlans } from '../schema.ts';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** Midnight in Asia/Shanghai (no daylight saving) of the day `at` falls on. */
const shanghaiDayStart = (at: Date) =>
  new Date(Math.floor((at.getTime() + SHANGHAI_OFFSET_MS) / 86_400_000) * 86_400_000 - SHANGHAI_OFFSET_MS);

/**
 * Members walk only a plan that is under way or due today (Asia/Shanghai): a finished or
 * cancelled patrol takes no more check-ins, nor does one planned for a later day.
 */
function assertWalkable(plan: LoadedPlan, gridId: number, now: Date): void {
  if (plan.status === 'done' || plan.status === 'cancelled')
    throw new AppError('CONFLICT', { message: '本次巡查已结束或已取消' });
  if (now < shanghaiDayStart(plan.startsAt)) throw new AppError('CONFLICT', { message: '本次巡查尚未到计划日期' });
  if (!plan.routeGridIds.includes(gridId)) throw invalid('gridId', '该网格不在本次巡查路线上');
}

/** A point, when given, must lie inside the grid (the shared grid locator, read outside any transaction). */
async function assertPointInGrid(deps: AppDeps, input: { gridId: number; lng?: number; lat?: number }) {
  if (input.lng === undefined || input.lat === undefined) return;
  const located = await deps.gridLookup.locate(input.lng, input.lat);
  if (located?.id !== input.gridId) throw invalid('lng', '所在位置不在该网格内，请到网格内再操作或不带定位');
}

async function markStarted(tx: Tx, plan: LoadedPlan): Promise<void> {
  if (plan.status === 'planned')
    await tx
      .update(patrolPlans)
      .set({ status: 'in_progress', updatedAt: new Date() })
      .where(eq(patrolPlans.id, plan.id));
}

export async function checkIn(deps: AppDeps, actor: Actor, planId: number, input: z.infer<typeof checkInBody>) {
  authorizePatrol(actor, 'walk', await loadPlan(deps.db, planId));
  await assertPointInGrid(deps, input);
  return withTx(deps.db, async (tx) => {
    const plan = await loadPlan(tx, planId, { forUpdate: true });
    authorizePatrol(actor, 'walk', plan);
    assertWalkable(plan, input.gridId, new Date());
    // A second tap (a retry on a weak connection) is the same check-in, not a new one.
    const [inserted] = await tx
      .insert(patrolCheckIns)
      .values({ planId, gridId: input.gridId, userId: actor.userId, lng: input.lng ?? null, lat: input.lat ?? null })
      .onConflictDoNothing()
      .returning();
    const row =
      inserted ??
      (
        await tx
          .select()
          .from(patrolCheckIns)
          .where(
            and(
              eq(patrolCheckIns.planId, planId),
              eq(patrolCheckIns.gridId, input.gridId),
              eq(patrolCheckIns.userId, actor.userId),
            ),
          )
      )[0]!;
    await markStarted(tx, plan);
    return row;
  });
}

/** The organiser as an actor: findings are filed and dispatched in the name of the one who planned the patrol. */
async function organiserActor(db: Queryable, userId: number): Promise<Actor> {
  const [row] = await db
    .select({ user: users, path: orgNodes.path })
    .from(users)
    .leftJoin(orgNodes, eq(orgNodes.id, users.scopeNodeId))
    .where(eq(users.id, userId));
  if (!row || row.user.disabledAt)
    throw new AppError('CONFLICT', { message: '本次巡查的组织人账号已停用，请组织单位重新编排计划后再上报' });
  const u = row.user;
  return {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    scopeNodeId: u.scopeNodeId,
    scopePath: row.path,
    departmentId: u.departmentId,
    restriction: null,
  };
}

async function placeOf(db: Queryable, gridId: number) {
  const [grid] = await db
    .select({ name: orgNodes.name, communityId: orgNodes.parentId })
    .from(orgNodes)
    .where(eq(orgNodes.id, gridId));
  const [community] = await db
    .select({ name: orgNodes.name })
    .from(orgNodes)
    .where(eq(orgNodes.id, grid!.communityId!));
  return { address: `${community!.name}${grid!.name}`, communityId: grid!.communityId! };
}

/**
 * A member's finding becomes a case in ONE transaction with the finding row: filed through the
 * cases module (source `joint_patrol`, in the organiser's name, the member as the one who raised
 * it), accepted into the finding's grid and dispatched by the category's default — to the
 * department the category names when it goes to a department — so the timeline shows each step.
 */
export async function recordFinding(deps: AppDeps, actor: Actor, planId: number, input: z.infer<typeof findingBody>) {
  const before = await loadPlan(deps.db, planId);
  authorizePatrol(actor, 'walk', before);
  assertWalkable(before, input.gridId, new Date());
  await assertPointInGrid(deps, input);
  const [category] = await deps.db
    .select({ id: caseCategories.id, name: caseCategories.name })
    .from(caseCategories)
    .where(and(eq(caseCategories.id, input.categoryId), eq(caseCategories.active, true)));
  if (!category) throw invalid('categoryId', '问题类别不存在');
  const organiser = await organiserActor(deps.db, before.organiserUserId);
  const place = await placeOf(deps.db, input.gridId);
  const pinned = input.lng !== undefined && input.lat !== undefined;
  let findingId = 0;
  const created = await reportCase(
    deps,
    organiser,
    {
      title: `联合巡查发现：${category.name}`.slice(0, 80),
      description: `${input.description}（${before.title}，${actor.displayName}上报）`.slice(0, 4000),
      categoryId: category.id,
      address: place.address.slice(0, 200),
      photoIds: input.photoIds,
      answers: {},
      reporterName: actor.displayName.slice(0, 40),
      ...(pinned ? { lng: input.lng!, lat: input.lat! } : { communityId: place.communityId }),
    },
    {
      systemSource: 'joint_patrol',
      photosUploadedBy: actor.userId,
      afterInsert: async (tx, row) => {
        const plan = await loadPlan(tx, planId, { forUpdate: true });
        authorizePatrol(actor, 'walk', plan);
        assertWalkable(plan, input.gridId, new Date());
        const [finding] = await tx
          .insert(patrolFindings)
          .values({
            planId,
            gridId: input.gridId,
            userId: actor.userId,
            categoryId: category.id,
            description: input.description,
            lng: input.lng ?? null,
            lat: input.lat ?? null,
            caseId: row.id,
          })
          .returning({ id: patrolFindings.id });
        findingId = finding!.id;
        await fileIntoLoop(tx, deps, organiser, row, input.gridId, `联合巡查"${plan.title}"发现`);
        await markStarted(tx, plan);
      },
    },
  );
  const brief = (await caseBriefs(deps.db, [created.id])).get(created.id)!;
  return { findingId, caseId: created.id, caseNo: brief.caseNo, caseState: brief.state, category: category.name };
}

/** 立案 into the grid, then 派遣 as the category says: a department, the grid, community or street. */
async function fileIntoLoop(tx: Tx, deps: AppDeps, organiser: Actor, row: CaseRow, gridId: number, note: string) {
  const caseId = row.id;
  const options = { reopenWindowDays: deps.config.reopenWindowDays };
  const accepted = await transitionInTx(
    tx,
    organiser,
    caseId,
    'accept',
    { version: row.version, gridId, note, photoIds: [] },
    options,
  );
  const level = await defaultLevel(tx, accepted.categoryId);
  // 上会 (meeting) categories wait for the community's decision; they stay accepted.
  if (level === 'meeting') return;
  const departmentId = level === 'department' ? await defaultDepartment(tx, accepted) : null;
  if (level === 'department' && !departmentId) return;
  await transitionInTx(
    tx,
    organiser,
    caseId,
    'dispatch',
    { version: accepted.version, level, ...(departmentId ? { departmentId } : {}), note, photoIds: [] },
    options,
  );
}
