import { and, eq, isNull } from 'drizzle-orm';
import type { ForceRole } from '../../../../contracts/cadres.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { actorCovers } from '../../../platform/scope.ts';
import { loadNodeInScope } from '../../org/load-node.ts';
import { authorizeCadres, requireCadreAbility } from '../policy.ts';
import { gridForces } from '../schema.ts';

/** Adds a person of another service to a grid's force roster (网格力量). */
export async function addForce(
  db: Db,
  actor: Actor,
  input: { gridId: number; role: ForceRole; name: string; unit: string; phone: string },
) {
  requireCadreAbility(actor, 'forces');
  return withTx(db, async (tx) => {
    const grid = await loadNodeInScope(tx, actor, input.gridId).catch(() => {
      throw invalid('gridId', '网格不存在或不在管辖范围内');
    });
    if (grid.level !== 'grid') throw invalid('gridId', '网格力量须配备到网格');
    authorizeCadres(actor, 'forces', { scopePath: grid.path });
    const [row] = await tx
      .insert(gridForces)
      .values({
        gridNodeId: grid.id,
        gridPath: grid.path,
        role: input.role,
        name: input.name,
        unit: input.unit,
        phone: input.phone,
      })
      .returning({ id: gridForces.id });
    await recordAudit(tx, actor, {
      action: 'cadres.force.add',
      targetType: 'grid_force',
      targetId: row!.id,
      scopePath: grid.path,
      summary: { role: input.role, name: input.name, unit: input.unit },
    });
    return row!;
  });
}

/** Takes a person off the roster (kept with removed_at for the record). */
export async function removeForce(db: Db, actor: Actor, id: number) {
  requireCadreAbility(actor, 'forces');
  return withTx(db, async (tx) => {
    const [row] = await tx
      .select()
      .from(gridForces)
      .where(and(eq(gridForces.id, id), isNull(gridForces.removedAt)))
      .for('update');
    if (!row || !actorCovers(actor, row.gridPath)) throw new AppError('NOT_FOUND');
    authorizeCadres(actor, 'forces', { scopePath: row.gridPath });
    await tx.update(gridForces).set({ removedAt: new Date() }).where(eq(gridForces.id, id));
    await recordAudit(tx, actor, {
      action: 'cadres.force.remove',
      targetType: 'grid_force',
      targetId: id,
      scopePath: row.gridPath,
      summary: { role: row.role, name: row.name },
    });
    return { ok: true as const };
  });
}
