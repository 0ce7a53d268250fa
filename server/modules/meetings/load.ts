import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { AppError } from '../../platform/errors.ts';
import { decisionScopeWhere, meetingScopeWhere } from './policy.ts';
import { decisions, meetings } from './schema.ts';

/** Loads a meeting inside the actor's scope (404 outside); `lock` takes the row for the rest of the transaction. */
export async function loadMeeting(db: Queryable, actor: Actor, id: number, lock = false) {
  const q = db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, id), meetingScopeWhere(actor)))
    .limit(1);
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function loadDecision(db: Queryable, actor: Actor, id: number, lock = false) {
  const q = db
    .select()
    .from(decisions)
    .where(and(eq(decisions.id, id), decisionScopeWhere(actor)))
    .limit(1);
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}
