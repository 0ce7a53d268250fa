import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { createCategoryBody, updateCategoryBody } from '../../../../contracts/case-config.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx, type Tx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { departments } from '../../org/schema.ts';
import { authorizeConfig } from '../config-policy.ts';
import { caseCategories } from '../schema.ts';

async function assertDepartmentCode(tx: Tx, code: string | null | undefined) {
  if (!code) return;
  const [dept] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.code, code)).limit(1);
  if (!dept) throw invalid('defaultDepartmentCode', `职能部门 ${code} 不存在`);
}

/** Adds a category: a group (2-digit code) or a class under a group (group code + 2 digits). */
export async function createCategory(db: Db, actor: Actor, input: z.infer<typeof createCategoryBody>) {
  authorizeConfig(actor, 'write_tree');
  return withTx(db, async (tx) => {
    let kind = input.kind;
    if (input.parentId !== null) {
      const [parent] = await tx.select().from(caseCategories).where(eq(caseCategories.id, input.parentId));
      if (!parent) throw invalid('parentId', '上级类别不存在');
      if (parent.parentId !== null) throw invalid('parentId', '类别最多两级：小类下不能再建类别');
      if (!parent.active) throw invalid('parentId', '上级类别已停用');
      if (input.code.length !== 4 || !input.code.startsWith(parent.code))
        throw invalid('code', `小类编码应为上级编码 ${parent.code} 加 2 位数字`);
      kind = parent.kind; // a class is of its group's kind
    } else {
      if (input.code.length !== 2) throw invalid('code', '大类编码应为 2 位数字');
      if (!kind) throw invalid('kind', '请选择大类的性质（事件、部件或社区事务）');
    }
    if (/00$/.test(input.code)) throw invalid('code', '本级编号不能为 00');
    await assertDepartmentCode(tx, input.defaultDepartmentCode);
    const [taken] = await tx
      .select({ id: caseCategories.id })
      .from(caseCategories)
      .where(eq(caseCategories.code, input.code));
    if (taken)
      throw new AppError('DUPLICATE', {
        message: `类别编码 ${input.code} 已存在`,
        details: [{ path: 'code', message: '类别编码已存在' }],
      });
    const [row] = await tx
      .insert(caseCategories)
      .values({
        parentId: input.parentId,
        code: input.code,
        name: input.name,
        kind: kind!,
        defaultLevel: input.defaultLevel ?? null,
        defaultDepartmentCode: input.defaultDepartmentCode ?? null,
        acceptMinutes: input.acceptMinutes ?? null,
        signMinutes: input.signMinutes ?? null,
        handleMinutes: input.handleMinutes ?? null,
        verifyMinutes: input.verifyMinutes ?? null,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'cases.category.create',
      targetType: 'case_category',
      targetId: row!.id,
      scopePath: actor.scopePath,
      summary: { code: row!.code, name: row!.name },
    });
    return row!;
  });
}

/**
 * Edits a category. Retiring (active = false) keeps the row: cases reported under it keep their
 * category, only new reports can no longer choose it. A group is retired after its classes.
 */
export async function updateCategory(db: Db, actor: Actor, id: number, input: z.infer<typeof updateCategoryBody>) {
  authorizeConfig(actor, 'write_tree');
  return withTx(db, async (tx) => {
    const [row] = await tx.select().from(caseCategories).where(eq(caseCategories.id, id)).for('update');
    if (!row) throw new AppError('NOT_FOUND', { message: '类别不存在' });
    if (input.kind && row.parentId !== null && input.kind !== row.kind)
      throw invalid('kind', '小类的性质随所属大类，请修改大类');
    await assertDepartmentCode(tx, input.defaultDepartmentCode);
    if (input.active === false && row.active && row.parentId === null) {
      const [child] = await tx
        .select({ code: caseCategories.code })
        .from(caseCategories)
        .where(and(eq(caseCategories.parentId, id), eq(caseCategories.active, true)))
        .limit(1);
      if (child)
        throw new AppError('IN_USE', {
          message: `请先停用其下的小类（如 ${child.code}）`,
          details: [{ path: 'active', message: '仍有启用的小类' }],
        });
    }
    if (input.active === true && row.parentId !== null) {
      const [parent] = await tx
        .select({ active: caseCategories.active })
        .from(caseCategories)
        .where(eq(caseCategories.id, row.parentId));
      if (!parent?.active) throw invalid('active', '所属大类已停用，请先启用大类');
    }
    const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const [updated] = await tx.update(caseCategories).set(changes).where(eq(caseCategories.id, id)).returning();
    if (input.kind && row.parentId === null)
      await tx
        .update(caseCategories)
        .set({ kind: input.kind })
        .where(and(eq(caseCategories.parentId, id), ne(caseCategories.kind, input.kind)));
    await recordAudit(tx, actor, {
      action: input.active === false ? 'cases.category.retire' : 'cases.category.update',
      targetType: 'case_category',
      targetId: id,
      scopePath: actor.scopePath,
      summary: { code: row.code, changes },
    });
    return updated!;
  });
}
