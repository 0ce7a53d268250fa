import { and, eq, or, sql } from 'drizzle-orm';
import type { TransitionInput } from '../../../../contracts/cases.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { departments, orgNodes } from '../../org/schema.ts';
import { awardPoints } from '../../party/index.ts';
import { assertReopenAllowed, isOpen, TransitionError, type CaseAction } from '../lifecycle.ts';
import type { CaseRow } from '../load-case.ts';
import { casesScopeWhere } from '../policy.ts';
import { caseCategories, caseEvents, caseFollowers, cases } from '../schema.ts';

export interface EffectContext {
  tx: Tx;
  actor: Actor;
  row: CaseRow;
  input: TransitionInput;
  now: Date;
  reopenWindowDays: number;
}
type Changes = Partial<typeof cases.$inferInsert>;
type Effect = (ctx: EffectContext) => Promise<Changes> | Changes;

const onTime = (ctx: EffectContext) => !ctx.row.dueAt || ctx.now <= ctx.row.dueAt;

/** Per-action changes beyond the state itself; anything that can refuse throws a field-specific error. */
export const EFFECTS: Partial<Record<CaseAction, Effect>> = {
  accept: async ({ tx, row, input, now, ...ctx }) => {
    const categoryId = input.categoryId ?? row.categoryId;
    if (!categoryId) throw invalid('categoryId', '立案时必须确定案件类别');
    const [category] = await tx
      .select({ id: caseCategories.id })
      .from(caseCategories)
      .where(eq(caseCategories.id, categoryId));
    if (!category) throw invalid('categoryId', '案件类别不存在');
    const changes: Changes = { categoryId, acceptedAt: now, acceptedOnTime: onTime({ tx, row, input, now, ...ctx }) };
    // A party member's valid report counts towards their post (社情民意联络员); once per case.
    if (row.reporterUserId)
      await awardPoints(tx, {
        memberUserId: row.reporterUserId,
        sourceKind: 'case.accepted',
        sourceId: row.id,
        occurredAt: now,
      });
    if (input.gridId) {
      const [grid] = await tx
        .select({ id: orgNodes.id, path: orgNodes.path })
        .from(orgNodes)
        .where(and(eq(orgNodes.id, input.gridId), eq(orgNodes.level, 'grid'), eq(orgNodes.parentId, row.communityId)));
      if (!grid) throw invalid('gridId', '网格不存在或不属于该案件所在社区');
      Object.assign(changes, { gridId: grid.id, scopePath: grid.path });
    }
    return changes;
  },
  reject: ({ input }) => ({ stateReason: input.reason! }),
  merge: async ({ tx, actor, row, input }) => {
    const [target] = await tx
      .select()
      .from(cases)
      .where(and(eq(cases.id, input.targetCaseId!), casesScopeWhere(actor)))
      .for('update');
    if (!target || target.id === row.id) throw invalid('targetCaseId', '合并目标案件不存在或不在您的管辖范围内');
    if (!isOpen(target.state) || target.state === 'reported')
      throw invalid('targetCaseId', '只能合并到已立案且未办结的案件');
    for (const userId of [row.reporterUserId, ...(await followersOf(tx, row.id))]) {
      if (userId) await tx.insert(caseFollowers).values({ caseId: target.id, userId }).onConflictDoNothing();
    }
    await tx.insert(caseEvents).values({
      caseId: target.id,
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'merge_in',
      note: `合并了重复案件 ${row.caseNo}`,
      data: { mergedCaseId: row.id },
    });
    return { mergedIntoId: target.id };
  },
  // A dispatcher who sees the category was wrong (often after a 退回 "not ours") corrects it here:
  // the defaults, the time limits and the suggestion model all follow the corrected category.
  dispatch: async ({ tx, row: current, input, now }) => {
    const categoryId = input.categoryId ?? current.categoryId;
    if (input.categoryId !== undefined && input.categoryId !== current.categoryId) {
      const [category] = await tx
        .select({ id: caseCategories.id })
        .from(caseCategories)
        .where(and(eq(caseCategories.id, input.categoryId), eq(caseCategories.active, true)));
      if (!category) throw invalid('categoryId', '案件类别不存在');
    }
    const row = { ...current, categoryId };
    const reclassified: Changes = categoryId !== current.categoryId ? { categoryId } : {};
    const level = input.level ?? (await defaultLevel(tx, row.categoryId));
    if (level === 'department') {
      const departmentId = input.departmentId ?? (await defaultDepartment(tx, row));
      if (!departmentId) throw invalid('departmentId', '请选择承办部门');
      const [dept] = await tx
        .select({ id: departments.id })
        .from(departments)
        .innerJoin(orgNodes, eq(orgNodes.id, departments.servesNodeId))
        .where(
          and(eq(departments.id, departmentId), or(eq(orgNodes.id, row.streetId), eq(orgNodes.level, 'district'))),
        );
      if (!dept) throw invalid('departmentId', '该部门不服务于案件所在街道');
      return { ...reclassified, dispatchLevel: 'department', departmentId, assigneeNodeId: null, dispatchedAt: now };
    }
    if (level === 'meeting') throw invalid('level', '需要议事的案件请使用"提交上会"');
    if (level === 'grid' && !row.gridId) throw invalid('level', '案件尚未确定网格，不能派遣到网格');
    const assignee = { grid: row.gridId, community: row.communityId, street: row.streetId }[level];
    return { ...reclassified, dispatchLevel: level, departmentId: null, assigneeNodeId: assignee, dispatchedAt: now };
  },
  return: ({ row, input }) => ({
    returnCount: row.returnCount + 1,
    stateReason: input.reason!,
    dispatchLevel: null,
    departmentId: null,
    assigneeNodeId: null,
  }),
  handle: (ctx) => ({ handledAt: ctx.now, handledOnTime: onTime(ctx) }),
  verify: (ctx) => ({
    verifyPassed: ctx.row.reworkCount === 0,
    closedOnTime: Boolean(ctx.row.handledOnTime) && onTime(ctx),
  }),
  rework: ({ row, input }) => ({ reworkCount: row.reworkCount + 1, stateReason: input.reason! }),
  close: ({ now }) => ({ closedAt: now }),
  rate: ({ input }) => ({ score: input.score!, ratingComment: input.comment ?? null }),
  revisit: ({ input }) => ({ score: input.score!, ratingComment: input.comment ?? input.note ?? null }),
  reopen: ({ actor, row, now, reopenWindowDays }) => {
    try {
      // Without a reporter account, the policy let staff reopen on an unsatisfied revisit: they act for the reporter.
      const reporterId = row.reporterUserId === null ? String(actor.userId) : String(row.reporterUserId);
      assertReopenAllowed({
        state: row.state,
        actorId: String(actor.userId),
        reporterId,
        closedAt: row.closedAt ?? now,
        now,
        windowMs: reopenWindowDays * 86_400_000,
      });
    } catch (error) {
      if (error instanceof TransitionError) throw new AppError(error.code, { message: error.message });
      throw error;
    }
    return {
      closedAt: null,
      handledAt: null,
      score: null,
      ratingComment: null,
      dispatchLevel: null,
      departmentId: null,
      assigneeNodeId: null,
    };
  },
  park: ({ input }) => ({ stateReason: input.reason! }),
  put_on_agenda: () => ({ dispatchLevel: 'meeting', departmentId: null, assigneeNodeId: null }),
  resolve_agenda: ({ input }) => ({ dispatchLevel: null, stateReason: input.note! }),
};

async function followersOf(tx: Tx, caseId: number): Promise<number[]> {
  const rows = await tx
    .select({ userId: caseFollowers.userId })
    .from(caseFollowers)
    .where(eq(caseFollowers.caseId, caseId));
  return rows.map((r) => r.userId);
}

async function categoryWithParent(tx: Tx, categoryId: number | null) {
  if (!categoryId) return [];
  const rows = await tx
    .select()
    .from(caseCategories)
    .where(
      or(
        eq(caseCategories.id, categoryId),
        sql`${caseCategories.id} = (select parent_id from case_categories where id = ${categoryId})`,
      ),
    );
  return rows.sort((a) => (a.id === categoryId ? -1 : 1));
}

async function defaultLevel(tx: Tx, categoryId: number | null) {
  const chain = await categoryWithParent(tx, categoryId);
  return chain.map((c) => c.defaultLevel).find(Boolean) ?? 'community';
}

/** The category's default department: the local unit serving the case's street, else the district bureau. */
async function defaultDepartment(tx: Tx, row: CaseRow): Promise<number | null> {
  const code = (await categoryWithParent(tx, row.categoryId)).map((c) => c.defaultDepartmentCode).find(Boolean);
  if (!code) return null;
  const rows = await tx
    .select({ id: departments.id, level: orgNodes.level })
    .from(departments)
    .innerJoin(orgNodes, eq(orgNodes.id, departments.servesNodeId))
    .where(and(eq(departments.code, code), or(eq(orgNodes.id, row.streetId), eq(orgNodes.level, 'district'))));
  return (rows.find((r) => r.level === 'street') ?? rows[0])?.id ?? null;
}

/** Exposed for the dispatcher's suggestion panel. */
export { defaultDepartment, defaultLevel };
