import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { underPath } from '../../platform/scope.ts';
import { hasAbility } from '../accounts/abilities.ts';
import { loadNodeInScope } from '../org/load-node.ts';
import { orgNodes } from '../org/schema.ts';

const LEVELS = ['district', 'street', 'community', 'grid'];
const CHILD_LEVEL: Record<string, string> = { district: 'street', street: 'community', community: 'grid' };

/**
 * The one place deciding what a dashboard may show: staff with `analytics.read`, and only nodes
 * inside their scope (outside is 404, like the org module) — a community secretary's big screen
 * therefore cannot be pointed at the street.
 */
export async function dashboardNode(db: Queryable, actor: Actor, nodeId: number | undefined, level?: 'grid') {
  if (!hasAbility(actor.role, 'analytics.read') || !actor.scopeNodeId) throw new AppError('FORBIDDEN');
  const node = await loadNodeInScope(db, actor, nodeId ?? actor.scopeNodeId, level);
  if (!LEVELS.includes(node.level)) throw invalid('nodeId', '只能查看区、街道、社区或网格');
  return { id: node.id, name: node.name, level: node.level, path: node.path };
}

/** The nodes one level down, for drill-down. */
export async function childNodes(db: Queryable, node: { path: string; level: string }) {
  const level = CHILD_LEVEL[node.level];
  if (!level) return [];
  return db
    .select({ id: orgNodes.id, name: orgNodes.name, level: orgNodes.level, path: orgNodes.path })
    .from(orgNodes)
    .where(
      and(
        eq(orgNodes.level, level as 'street'),
        underPath(orgNodes.path, node.path),
        sql`${orgNodes.path} <> ${node.path}`,
      ),
    )
    .orderBy(asc(orgNodes.code));
}
