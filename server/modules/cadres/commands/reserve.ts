import { and, eq } from 'drizzle-orm';
import type { PostKind, ReserveState } from '../../../../contracts/cadres.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { underPath } from '../../../platform/scope.ts';
import { loadCadre } from '../load.ts';
import { authorizeCadres, authorizeReserve } from '../policy.ts';
import { cadreReserve } from '../schema.ts';

/** Puts a person in the reserve pool (后备人才库) for a kind of post; one entry per person. */
export async function addToReserve(
  db: Db,
  actor: Actor,
  input: { cadreId: number; targetKind: PostKind; state: ReserveState; note: string },
) {
  authorizeReserve(actor);
  return withTx(db, async (tx) => {
    const cadre = await loadCadre(tx, actor, input.cadreId).catch(() => {
      throw invalid('cadreId', '人员不存在或不在管辖范围内');
    });
    authorizeCadres(actor, 'manage', cadre);
    const [row] = await tx
      .insert(cadreReserve)
      .values({
        cadreId: cadre.id,
        scopePath: cadre.scopePath,
        targetKind: input.targetKind,
        state: input.state,
        note: input.note,
      })
      .onConflictDoNothing()
      .returning({ id: cadreReserve.id });
    if (!row) throw new AppError('DUPLICATE', { message: `${cadre.name}已在后备人才库中` });
    await recordAudit(tx, actor, {
      action: 'cadres.reserve.add',
      targetType: 'cadre_reserve',
      targetId: row.id,
      scopePath: cadre.scopePath,
      summary: { cadreId: cadre.id, targetKind: input.targetKind, state: input.state },
    });
    return row;
  });
}

/** Moves an entry along (考察 → 培养 → 可用 → 任用, or 出库), with a note. */
export async function updateReserve(db: Db, actor: Actor, id: number, input: { state: ReserveState; note: string }) {
  authorizeReserve(actor);
  return withTx(db, async (tx) => {
    const [entry] = await tx
      .select()
      .from(cadreReserve)
      .where(and(eq(cadreReserve.id, id), underPath(cadreReserve.scopePath, actor.scopePath!)))
      .for('update');
    if (!entry) throw new AppError('NOT_FOUND');
    authorizeCadres(actor, 'manage', entry);
    await tx
      .update(cadreReserve)
      .set({ state: input.state, note: input.note, updatedAt: new Date() })
      .where(eq(cadreReserve.id, id));
    await recordAudit(tx, actor, {
      action: 'cadres.reserve.update',
      targetType: 'cadre_reserve',
      targetId: id,
      scopePath: entry.scopePath,
      summary: { from: entry.state, to: input.state },
    });
    return { id };
  });
}
