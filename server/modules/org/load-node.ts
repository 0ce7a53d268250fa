import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { AppError } from '../../platform/errors.ts';
import { orgScopeWhere } from './policy.ts';
import { orgNodes, type NodeLevel, type OrgNodeRow } from './schema.ts';

/** Loads a node inside the actor's scope; outside it (or missing) is 404, so existence does not leak. */
export async function loadNodeInScope(db: Queryable, actor: Actor, id: number, level?: NodeLevel): Promise<OrgNodeRow> {
  const [node] = await db
    .select()
    .from(orgNodes)
    .where(and(eq(orgNodes.id, id), orgScopeWhere(actor)))
    .limit(1);
  if (!node || (level && node.level !== level)) throw new AppError('NOT_FOUND');
  return node;
}
