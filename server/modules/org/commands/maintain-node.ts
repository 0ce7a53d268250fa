import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx, type Tx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { underPath } from '../../../platform/scope.ts';
import { gridAssignments } from '../../accounts/schema.ts';
import { openCasesUnder } from '../../cases/index.ts';
import { authorizeOrg, orgScopeWhere } from '../policy.ts';
import { orgNodes, type OrgNodeRow } from '../schema.ts';

/** Loads and locks a node in scope (404 outside) and checks the action (403). */
export async function lockNode(
  tx: Tx,
  actor: Actor,
  id: number,
  action: 'create_node' | 'write_grid',
): Promise<OrgNodeRow> {
  const [node] = await tx
    .select()
    .from(orgNodes)
    .where(and(eq(orgNodes.id, id), orgScopeWhere(actor)))
    .for('update');
  if (!node) throw new AppError('NOT_FOUND');
  authorizeOrg(actor, action, node);
  return node;
}

/** Grids are drawn by community secretaries (org.grid.write); every other level needs org.write. */
export const actionFor = (level: string) =>
  (level === 'grid' ? 'write_grid' : 'create_node') as 'create_node' | 'write_grid';

export async function renameNode(
  db: Db,
  actor: Actor,
  id: number,
  input: { name?: string; households?: number | null },
) {
  return withTx(db, async (tx) => {
    const [probe] = await tx.select({ level: orgNodes.level }).from(orgNodes).where(eq(orgNodes.id, id));
    const node = await lockNode(tx, actor, id, actionFor(probe?.level ?? ''));
    if (node.retiredAt) throw new AppError('IN_USE', { message: '该节点已撤销，不能修改' });
    // A node is maintained from above: a street admin does not rename their own street.
    if (node.id === actor.scopeNodeId) throw new AppError('FORBIDDEN', { message: '本人所属节点由上级维护' });
    const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const [row] = await tx
      .update(orgNodes)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(orgNodes.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'org.node.update',
      targetType: 'org_node',
      targetId: id,
      scopePath: node.path,
      summary: { code: node.code, from: node.name, ...changes },
    });
    return row!;
  });
}

/**
 * Retires a node: it keeps its code and history but leaves lists, maps and pickers. Refused
 * while it still has active children, open cases, or (for a grid) an assigned grid worker.
 */
export async function retireNode(db: Db, actor: Actor, id: number) {
  return withTx(db, async (tx) => {
    const [probe] = await tx.select({ level: orgNodes.level }).from(orgNodes).where(eq(orgNodes.id, id));
    const node = await lockNode(tx, actor, id, actionFor(probe?.level ?? ''));
    if (node.retiredAt) throw new AppError('IN_USE', { message: '该节点已撤销' });
    if (node.level === 'district' || node.id === actor.scopeNodeId)
      throw new AppError('FORBIDDEN', { message: '不能撤销本人所属的节点或区县' });
    const [child] = await tx
      .select({ code: orgNodes.code, name: orgNodes.name })
      .from(orgNodes)
      .where(and(eq(orgNodes.parentId, id), isNull(orgNodes.retiredAt)))
      .limit(1);
    if (child)
      throw new AppError('IN_USE', {
        message: `该节点下仍有未撤销的下级（${child.name} ${child.code}），请先撤销或迁移下级`,
        details: [{ path: 'id', message: '仍有下级节点' }],
      });
    if (await openCasesUnder(tx, node.path))
      throw new AppError('IN_USE', {
        message: '该节点下仍有未办结的案件，办结后才能撤销',
        details: [{ path: 'id', message: '仍有未办结案件' }],
      });
    if (node.level === 'grid') {
      const [assigned] = await tx
        .select({ id: gridAssignments.id })
        .from(gridAssignments)
        .where(and(eq(gridAssignments.gridNodeId, id), isNull(gridAssignments.endedAt)))
        .limit(1);
      if (assigned)
        throw new AppError('IN_USE', {
          message: '该网格仍有在岗网格员，请先调整网格员',
          details: [{ path: 'id', message: '仍有网格员' }],
        });
    }
    // updated_at moves the grids' fingerprint, so every instance's grid locator drops a retired grid.
    const [row] = await tx
      .update(orgNodes)
      .set({ retiredAt: new Date(), updatedAt: new Date() })
      .where(eq(orgNodes.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'org.node.retire',
      targetType: 'org_node',
      targetId: id,
      scopePath: node.path,
      summary: { level: node.level, code: node.code, name: node.name },
    });
    return row!;
  });
}

/** The level a node may be moved under, and why other moves are refused. */
const MOVABLE: Partial<Record<string, 'grid' | 'estate'>> = { estate: 'grid', building: 'estate' };

/**
 * Moves an estate to another grid, or a building to another estate, of the SAME community.
 * The node and its subtree get new paths, and so does every denormalised copy of those paths in
 * other modules' tables (found by column name, see repathEverywhere). Codes stay as they are:
 * they identify the node, and a node keeps its code for life. Moves that change the community
 * (or levels above) would move residents, cases and statistics between communities: refused.
 */
export async function moveNode(db: Db, actor: Actor, id: number, newParentId: number) {
  return withTx(db, async (tx) => {
    const [probe] = await tx.select({ level: orgNodes.level }).from(orgNodes).where(eq(orgNodes.id, id));
    const node = await lockNode(tx, actor, id, 'create_node');
    const targetLevel = MOVABLE[node.level];
    if (!targetLevel)
      throw invalid('parentId', `只能在社区内迁移小区和楼栋；${probe?.level === 'house' ? '房屋' : '该层级'}不能迁移`);
    const [parent] = await tx
      .select()
      .from(orgNodes)
      .where(and(eq(orgNodes.id, newParentId), orgScopeWhere(actor), isNull(orgNodes.retiredAt)))
      .for('update');
    if (!parent) throw invalid('parentId', '目标节点不存在、已撤销或不在您的管辖范围内');
    if (parent.level !== targetLevel)
      throw invalid('parentId', `${node.level === 'estate' ? '小区只能迁到网格' : '楼栋只能迁到小区'}下`);
    const community = (p: string) => p.split('/').filter(Boolean).slice(0, 3).join('/');
    if (community(parent.path) !== community(node.path))
      throw invalid('parentId', '只能在同一社区内迁移；跨社区调整请撤销后在新社区重新建立');
    if (parent.id === node.parentId) throw invalid('parentId', '已在该节点下');
    const newPath = `${parent.path}${node.id}/`;
    await tx.execute(
      sql`update ${orgNodes} set path = ${newPath} || substr(path, ${node.path.length + 1}), updated_at = now() where ${underPath(orgNodes.path, node.path)}`,
    );
    await tx.update(orgNodes).set({ parentId: parent.id }).where(eq(orgNodes.id, id));
    const rewritten = await repathEverywhere(tx, node.path, newPath);
    await recordAudit(tx, actor, {
      action: 'org.node.move',
      targetType: 'org_node',
      targetId: id,
      scopePath: newPath,
      summary: { code: node.code, from: node.path, to: newPath, rewritten },
    });
    const [row] = await tx.select().from(orgNodes).where(eq(orgNodes.id, id));
    return row!;
  });
}

/** History keeps the path things had at the time (and the audit log refuses updates anyway). */
const HISTORY = new Set(['audit_log', 'live_events']);

/**
 * Rewrites every copy of a moved subtree's paths: modules denormalise node paths into text
 * columns named `*_path` (scope_path, home_path, estate_path, …) for prefix filtering. Found in
 * the catalogue rather than listed here, so a module adding such a column is covered too.
 */
async function repathEverywhere(tx: Tx, oldPath: string, newPath: string): Promise<Record<string, number>> {
  const columns = (
    await tx.execute<{ table_name: string; column_name: string }>(sql`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and data_type = 'text' and column_name ~ '(^|_)path$'
      and not (table_name = 'org_nodes' and column_name = 'path')
    order by table_name, column_name`)
  ).rows.filter((c) => !HISTORY.has(c.table_name));
  const counts: Record<string, number> = {};
  for (const c of columns) {
    const res = await tx.execute(
      sql`update ${sql.identifier(c.table_name)} set ${sql.identifier(c.column_name)} = ${newPath} || substr(${sql.identifier(c.column_name)}, ${oldPath.length + 1}) where ${sql.identifier(c.column_name)} like ${`${oldPath}%`}`,
    );
    const n = Number((res as { rowCount?: number }).rowCount ?? 0);
    if (n) counts[`${c.table_name}.${c.column_name}`] = n;
  }
  return counts;
}
