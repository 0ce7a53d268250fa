import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/open.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { orgNodes } from '../../org/schema.ts';
import { canSubscribeArea, subscribableWhere } from '../policy.ts';
import { notifyAreaSubscriptions } from '../schema.ts';

const parent = alias(orgNodes, 'parent');

export async function listAreaSubscriptions(db: Db, actor: Actor) {
  const data = await db
    .select({
      id: notifyAreaSubscriptions.id,
      nodeId: notifyAreaSubscriptions.nodeId,
      nodeName: orgNodes.name,
      nodeLevel: orgNodes.level,
      onNew: notifyAreaSubscriptions.onNew,
      onClosed: notifyAreaSubscriptions.onClosed,
    })
    .from(notifyAreaSubscriptions)
    .innerJoin(orgNodes, eq(orgNodes.id, notifyAreaSubscriptions.nodeId))
    .where(eq(notifyAreaSubscriptions.userId, actor.userId))
    .orderBy(asc(notifyAreaSubscriptions.id));
  // Staff above a street would get thousands of grids: the picker offers the first 500 by path.
  const choices = await db
    .select({ id: orgNodes.id, name: orgNodes.name, level: orgNodes.level, parentName: parent.name })
    .from(orgNodes)
    .leftJoin(parent, eq(parent.id, orgNodes.parentId))
    .where(
      and(
        inArray(orgNodes.level, ['community', 'grid']),
        isNull(orgNodes.retiredAt),
        subscribableWhere(actor, sql`${orgNodes.path}`),
      ),
    )
    .orderBy(asc(orgNodes.path))
    .limit(500);
  return { data, choices };
}

/** Subscribes (or changes the subscription) to one grid or community the actor may see. */
export async function subscribeArea(db: Db, actor: Actor, body: { nodeId: number; onNew: boolean; onClosed: boolean }) {
  if (!body.onNew && !body.onClosed) throw invalid('onNew', '请至少选择"新问题"或"已结案"之一');
  const [node] = await db
    .select({ id: orgNodes.id, level: orgNodes.level, path: orgNodes.path, name: orgNodes.name })
    .from(orgNodes)
    .where(and(eq(orgNodes.id, body.nodeId), isNull(orgNodes.retiredAt)));
  if (!node || !canSubscribeArea(actor, node)) throw new AppError('NOT_FOUND');
  const [row] = await db
    .insert(notifyAreaSubscriptions)
    .values({ userId: actor.userId, nodeId: node.id, onNew: body.onNew, onClosed: body.onClosed })
    .onConflictDoUpdate({
      target: [notifyAreaSubscriptions.userId, notifyAreaSubscriptions.nodeId],
      set: { onNew: body.onNew, onClosed: body.onClosed },
    })
    .returning();
  return { ...row!, nodeName: node.name, nodeLevel: node.level };
}

export async function unsubscribeArea(db: Db, actor: Actor, id: number): Promise<void> {
  const removed = await db
    .delete(notifyAreaSubscriptions)
    .where(and(eq(notifyAreaSubscriptions.id, id), eq(notifyAreaSubscriptions.userId, actor.userId)))
    .returning({ id: notifyAreaSubscriptions.id });
  if (!removed.length) throw new AppError('NOT_FOUND');
}
