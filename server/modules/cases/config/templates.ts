import { and, asc, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { createTemplateBody, templatesQuery, updateTemplateBody } from '../../../../contracts/case-config.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx, type Tx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { underPath } from '../../../platform/scope.ts';
import { orgNodes } from '../../org/schema.ts';
import { authorizeConfig } from '../config-policy.ts';
import { caseCategories, responseTemplates } from '../schema.ts';

const ROOT_ONLY = sql`${responseTemplates.scopePath} ~ '^/[0-9]+/$'`;

/** Templates offered to the actor: those of their node and of every node above it (district-wide ones to everyone). */
function offeredWhere(actor: Actor): SQL {
  if (!actor.scopePath) return ROOT_ONLY; // department handlers: the district's own
  return sql`${actor.scopePath} like ${responseTemplates.scopePath} || '%'`;
}

/** The quick picks of a transition dialog: matching action, this category's and general ones. */
export async function offeredTemplates(db: Db, actor: Actor, action: string, categoryId: number | null) {
  return db
    .select({ id: responseTemplates.id, text: responseTemplates.text, categoryId: responseTemplates.categoryId })
    .from(responseTemplates)
    .where(
      and(
        offeredWhere(actor),
        eq(responseTemplates.action, action as never),
        categoryId
          ? or(isNull(responseTemplates.categoryId), eq(responseTemplates.categoryId, categoryId))
          : isNull(responseTemplates.categoryId),
      ),
    )
    .orderBy(sql`${responseTemplates.categoryId} is null`, asc(responseTemplates.id))
    .limit(20);
}

/** The templates an administrator maintains: everything under their scope, newest first. */
export async function managedTemplates(db: Db, actor: Actor, q: z.infer<typeof templatesQuery>) {
  authorizeConfig(actor, 'read');
  const where = and(
    actor.scopePath ? underPath(responseTemplates.scopePath, actor.scopePath) : sql`false`,
    q.action ? eq(responseTemplates.action, q.action) : undefined,
    q.categoryId ? eq(responseTemplates.categoryId, q.categoryId) : undefined,
  );
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: responseTemplates.id,
        action: responseTemplates.action,
        text: responseTemplates.text,
        categoryId: responseTemplates.categoryId,
        category: caseCategories.name,
        scopeNodeId: responseTemplates.scopeNodeId,
        scopeName: orgNodes.name,
        updatedAt: responseTemplates.updatedAt,
      })
      .from(responseTemplates)
      .leftJoin(caseCategories, eq(caseCategories.id, responseTemplates.categoryId))
      .leftJoin(orgNodes, eq(orgNodes.id, responseTemplates.scopeNodeId))
      .where(where)
      .orderBy(desc(responseTemplates.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(responseTemplates)
      .where(where),
  ]);
  return { data: rows, page: { page: q.page, pageSize: q.pageSize, total: count?.n ?? 0 } };
}

async function assertCategory(tx: Tx, categoryId: number | null | undefined) {
  if (!categoryId) return;
  const [c] = await tx.select({ id: caseCategories.id }).from(caseCategories).where(eq(caseCategories.id, categoryId));
  if (!c) throw invalid('categoryId', '类别不存在');
}

export async function createTemplate(db: Db, actor: Actor, input: z.infer<typeof createTemplateBody>) {
  return withTx(db, async (tx) => {
    const nodeId = input.scopeNodeId ?? actor.scopeNodeId;
    const [node] =
      nodeId && actor.scopePath
        ? await tx
            .select({ id: orgNodes.id, path: orgNodes.path, level: orgNodes.level })
            .from(orgNodes)
            .where(and(eq(orgNodes.id, nodeId), underPath(orgNodes.path, actor.scopePath)))
        : [];
    if (!node) throw invalid('scopeNodeId', '适用范围不存在或不在您的管辖范围内');
    authorizeConfig(actor, 'write_template', node);
    await assertCategory(tx, input.categoryId);
    const [row] = await tx
      .insert(responseTemplates)
      .values({
        action: input.action,
        text: input.text,
        categoryId: input.categoryId,
        scopeNodeId: node.id,
        scopePath: node.path,
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'cases.template.create',
      targetType: 'case_response_template',
      targetId: row!.id,
      scopePath: node.path,
      summary: { action: input.action },
    });
    return row!;
  });
}

async function loadManaged(tx: Tx, actor: Actor, id: number) {
  const [row] = actor.scopePath
    ? await tx
        .select()
        .from(responseTemplates)
        .where(and(eq(responseTemplates.id, id), underPath(responseTemplates.scopePath, actor.scopePath)))
        .for('update')
    : [];
  if (!row) throw new AppError('NOT_FOUND', { message: '常用回复不存在或不在您的管辖范围内' });
  authorizeConfig(actor, 'write_template', { path: row.scopePath, level: '' });
  return row;
}

export async function updateTemplate(db: Db, actor: Actor, id: number, input: z.infer<typeof updateTemplateBody>) {
  return withTx(db, async (tx) => {
    const row = await loadManaged(tx, actor, id);
    await assertCategory(tx, input.categoryId);
    const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const [updated] = await tx
      .update(responseTemplates)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(responseTemplates.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'cases.template.update',
      targetType: 'case_response_template',
      targetId: id,
      scopePath: row.scopePath,
      summary: changes,
    });
    return updated!;
  });
}

export async function deleteTemplate(db: Db, actor: Actor, id: number) {
  return withTx(db, async (tx) => {
    const row = await loadManaged(tx, actor, id);
    await tx.delete(responseTemplates).where(eq(responseTemplates.id, id));
    await recordAudit(tx, actor, {
      action: 'cases.template.delete',
      targetType: 'case_response_template',
      targetId: id,
      scopePath: row.scopePath,
      summary: { action: row.action, text: row.text },
    });
  });
}
