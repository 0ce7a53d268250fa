import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { AppError } from '../../platform/errors.ts';
import { cadreScopeWhere } from './policy.ts';
import { cadres } from './schema.ts';

/** A cadre record the actor may see; otherwise 404. */
export async function loadCadre(db: Queryable, actor: Actor, id: number) {
  const [row] = await db
    .select()
    .from(cadres)
    .where(and(eq(cadres.id, id), cadreScopeWhere(actor)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}
