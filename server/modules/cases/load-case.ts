import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { AppError } from '../../platform/errors.ts';
import { orgNodes } from '../org/schema.ts';
import type { CaseFacts } from './policy.ts';
import { casesScopeWhere } from './policy.ts';
import { cases } from './schema.ts';

export type CaseRow = typeof cases.$inferSelect;

/** Loads a case the actor may see (404 otherwise), optionally locking it for a transition. */
export async function loadCaseInScope(
  db: Queryable,
  actor: Actor,
  id: number,
  options: { forUpdate?: boolean } = {},
): Promise<CaseRow> {
  const query = db
    .select()
    .from(cases)
    .where(and(eq(cases.id, id), casesScopeWhere(actor)))
    .limit(1);
  const [row] = options.forUpdate ? await query.for('update', { of: cases }) : await query;
  if (!row) throw new AppError('NOT_FOUND', { message: '案件不存在或不在您的管辖范围内' });
  return row;
}

/** The facts the policy decides on, including the assignee node's path. */
export async function caseFacts(db: Queryable, row: CaseRow): Promise<CaseFacts> {
  const [assignee] = row.assigneeNodeId
    ? await db.select({ path: orgNodes.path }).from(orgNodes).where(eq(orgNodes.id, row.assigneeNodeId))
    : [];
  return {
    state: row.state,
    scopePath: row.scopePath,
    reporterUserId: row.reporterUserId,
    dispatchLevel: row.dispatchLevel,
    departmentId: row.departmentId,
    assigneePath: assignee?.path ?? null,
    score: row.score,
  };
}
