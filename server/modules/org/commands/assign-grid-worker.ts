import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { isUnder } from '../../../platform/scope.ts';
import { gridAssignments, users } from '../../accounts/schema.ts';
import { loadNodeInScope } from '../load-node.ts';
import { authorizeOrg } from '../policy.ts';
import { orgNodes } from '../schema.ts';

/**
 * 一格一员: makes `userId` the grid's full-time worker. The grid's open assignment and the
 * worker's previous one (a worker holds one grid) are ended, not deleted, so the history stays.
 * The outgoing worker loses the grid's scope (no scope until assigned again), the incoming one gets it.
 */
export async function assignGridWorker(
  db: Db,
  actor: Actor,
  gridId: number,
  input: { userId: number; note?: string | undefined },
) {
  return withTx(db, async (tx) => {
    const grid = await loadNodeInScope(tx, actor, gridId, 'grid');
    authorizeOrg(actor, 'assign_worker', grid);
    // Serialise changes per grid so two secretaries cannot open two assignments at once.
    await tx.execute(sql`select id from org_nodes where id = ${grid.id} for update`);
    const [worker] = await tx
      .select({ user: users, scopePath: orgNodes.path })
      .from(users)
      .leftJoin(orgNodes, eq(orgNodes.id, users.scopeNodeId))
      .where(eq(users.id, input.userId))
      .for('update', { of: users });
    if (!worker || worker.user.role !== 'grid_worker' || worker.user.disabledAt)
      throw invalid('userId', '请选择一名在岗的网格员账号');
    const communityPath = grid.path.split('/').filter(Boolean).slice(0, 3).join('/');
    if (worker.scopePath && !isUnder(worker.scopePath, `/${communityPath}/`))
      throw invalid('userId', '该网格员属于其他社区，请由其所在社区先解除');
    const [current] = await tx
      .select()
      .from(gridAssignments)
      .where(and(eq(gridAssignments.gridNodeId, grid.id), isNull(gridAssignments.endedAt)));
    if (current?.userId === worker.user.id) throw new AppError('CONFLICT', { message: '该网格员已在本网格任职' });
    const now = new Date();
    if (current) {
      await tx.update(gridAssignments).set({ endedAt: now }).where(eq(gridAssignments.id, current.id));
      await tx
        .update(users)
        .set({ scopeNodeId: null, updatedAt: now })
        .where(and(eq(users.id, current.userId), eq(users.scopeNodeId, grid.id)));
    }
    await tx
      .update(gridAssignments)
      .set({ endedAt: now })
      .where(and(eq(gridAssignments.userId, worker.user.id), isNull(gridAssignments.endedAt)));
    await tx.insert(gridAssignments).values({
      gridNodeId: grid.id,
      userId: worker.user.id,
      startedAt: now,
      assignedBy: actor.userId,
      note: input.note ?? null,
    });
    await tx.update(users).set({ scopeNodeId: grid.id, updatedAt: now }).where(eq(users.id, worker.user.id));
    await recordAudit(tx, actor, {
      action: 'org.grid.assign_worker',
      targetType: 'org_node',
      targetId: grid.id,
      scopePath: grid.path,
      summary: {
        userId: worker.user.id,
        previousUserId: current?.userId ?? null,
        previousScopeNodeId: worker.user.scopeNodeId,
        note: input.note ?? null,
      },
    });
  });
}
