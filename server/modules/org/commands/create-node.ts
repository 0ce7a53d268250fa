import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createNodeBody } from '../../../../contracts/org.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { childPath } from '../../../platform/scope.ts';
import { NODE_LEVEL_LABELS } from '../../../../contracts/roles.ts';
import { codeProblem, PARENT_LEVEL } from '../codes.ts';
import { orgScopeWhere, authorizeOrg } from '../policy.ts';
import { orgNodes } from '../schema.ts';

/** Adds a street, community, estate, building or house under an existing node of the right level. */
export async function createNode(db: Db, actor: Actor, input: z.infer<typeof createNodeBody>) {
  return withTx(db, async (tx) => {
    const [parent] = await tx
      .select()
      .from(orgNodes)
      .where(and(eq(orgNodes.id, input.parentId), orgScopeWhere(actor)));
    if (!parent) throw invalid('parentId', '上级节点不存在或不在您的管辖范围内');
    authorizeOrg(actor, 'create_node', parent);
    const expected = PARENT_LEVEL[input.level];
    if (parent.level !== expected)
      throw invalid(
        'parentId',
        `${NODE_LEVEL_LABELS[input.level]}的上级必须是${NODE_LEVEL_LABELS[expected]}，而不是${NODE_LEVEL_LABELS[parent.level]}`,
      );
    const problem = codeProblem(input.level, input.code, parent.code);
    if (problem) throw invalid('code', problem);
    const [taken] = await tx.select({ id: orgNodes.id }).from(orgNodes).where(eq(orgNodes.code, input.code));
    if (taken)
      throw new AppError('DUPLICATE', {
        message: `编码 ${input.code} 已存在`,
        details: [{ path: 'code', message: '编码已存在' }],
      });
    const [row] = await tx
      .insert(orgNodes)
      .values({
        parentId: parent.id,
        level: input.level,
        code: input.code,
        name: input.name,
        path: 'pending',
        households: input.households ?? null,
      })
      .returning();
    const path = childPath(parent.path, row!.id);
    await tx.update(orgNodes).set({ path }).where(eq(orgNodes.id, row!.id));
    await recordAudit(tx, actor, {
      action: 'org.node.create',
      targetType: 'org_node',
      targetId: row!.id,
      scopePath: path,
      summary: { level: input.level, code: input.code, name: input.name },
    });
    return { ...row!, path };
  });
}
