import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { overrideBody } from '../../../../contracts/case-config.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx, type Tx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { underPath } from '../../../platform/scope.ts';
import { orgNodes } from '../../org/schema.ts';
import { authorizeConfig } from '../config-policy.ts';
import { caseCategories, slaOverrides } from '../schema.ts';

const KEYS = ['acceptMinutes', 'signMinutes', 'handleMinutes', 'verifyMinutes'] as const;

/** The category and the node, or 404 when either is missing or the node lies outside the actor's scope. */
async function loadTargets(tx: Tx, actor: Actor, categoryId: number, nodeId: number) {
  const [category] = await tx
    .select({ id: caseCategories.id, code: caseCategories.code })
    .from(caseCategories)
    .where(eq(caseCategories.id, categoryId));
  if (!category) throw new AppError('NOT_FOUND', { message: '类别不存在' });
  const [node] = actor.scopePath
    ? await tx
        .select({ id: orgNodes.id, path: orgNodes.path, level: orgNodes.level, name: orgNodes.name })
        .from(orgNodes)
        .where(and(eq(orgNodes.id, nodeId), underPath(orgNodes.path, actor.scopePath)))
    : [];
  if (!node) throw new AppError('NOT_FOUND', { message: '节点不存在或不在您的管辖范围内' });
  authorizeConfig(actor, 'write_override', node);
  return { category, node };
}

/**
 * Sets a street's or community's own step limits for a category (null steps inherit). The
 * limits are read afresh for every deadline (limits.ts), so the next step started anywhere uses them.
 */
export async function putOverride(
  db: Db,
  actor: Actor,
  categoryId: number,
  nodeId: number,
  input: z.infer<typeof overrideBody>,
) {
  return withTx(db, async (tx) => {
    const { category, node } = await loadTargets(tx, actor, categoryId, nodeId);
    const limits = Object.fromEntries(KEYS.map((k) => [k, input[k] ?? null])) as Record<
      (typeof KEYS)[number],
      number | null
    >;
    if (KEYS.every((k) => limits[k] === null))
      throw invalid('handleMinutes', '至少设置一个环节的时限；不需要本地时限时请删除');
    const [row] = await tx
      .insert(slaOverrides)
      .values({ categoryId, nodeId, ...limits })
      .onConflictDoUpdate({ target: [slaOverrides.categoryId, slaOverrides.nodeId], set: limits })
      .returning();
    await recordAudit(tx, actor, {
      action: 'cases.sla_override.put',
      targetType: 'case_category',
      targetId: categoryId,
      scopePath: node.path,
      summary: { category: category.code, node: node.name, ...limits },
    });
    return row!;
  });
}

export async function deleteOverride(db: Db, actor: Actor, categoryId: number, nodeId: number) {
  return withTx(db, async (tx) => {
    const { category, node } = await loadTargets(tx, actor, categoryId, nodeId);
    const removed = await tx
      .delete(slaOverrides)
      .where(and(eq(slaOverrides.categoryId, categoryId), eq(slaOverrides.nodeId, nodeId)))
      .returning({ id: slaOverrides.id });
    if (!removed.length) throw new AppError('NOT_FOUND', { message: '该节点没有此类别的本地时限' });
    await recordAudit(tx, actor, {
      action: 'cases.sla_override.delete',
      targetType: 'case_category',
      targetId: categoryId,
      scopePath: node.path,
      summary: { category: category.code, node: node.name },
    });
  });
}
