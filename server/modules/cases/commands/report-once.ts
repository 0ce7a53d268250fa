import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { reportCaseBody } from '../../../../contracts/cases.ts';
import type { AppDeps } from '../../../app-deps.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Queryable } from '../../../platform/db/tx.ts';
import type { CaseRow } from '../load-case.ts';
import { cases } from '../schema.ts';
import { assertMayReport, reportCase } from './report-case.ts';

type ReportInput = z.infer<typeof reportCaseBody>;

/** The case this account already filed under the device's reference, if any. */
async function caseByClientRef(db: Queryable, userId: number, clientRef: string): Promise<CaseRow | undefined> {
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.enteredByUserId, userId), eq(cases.clientRef, clientRef)))
    .limit(1);
  return row;
}

/**
 * Files a report at most once per (account, clientRef): a phone whose response was lost sends the
 * same report again, and gets the case the first request filed (`created: false`). A report
 * without a reference is always new. Two copies racing each other meet at the partial unique index
 * (entered_by_user_id, client_ref): the loser's transaction fails — on that index, or earlier on
 * its photos, which the winner has just attached — and the lookup after the failure finds the
 * winner's case. Any failure with no such case behind it is the real answer (e.g. 422 for a pin
 * outside every grid) and is passed on.
 */
export async function reportCaseOnce(
  deps: AppDeps,
  actor: Actor,
  input: ReportInput,
): Promise<{ row: CaseRow; created: boolean }> {
  assertMayReport(actor);
  const { clientRef } = input;
  if (!clientRef) return { row: await reportCase(deps, actor, input), created: true };
  const earlier = await caseByClientRef(deps.db, actor.userId, clientRef);
  if (earlier) return { row: earlier, created: false };
  try {
    return { row: await reportCase(deps, actor, input), created: true };
  } catch (err) {
    const twin = await caseByClientRef(deps.db, actor.userId, clientRef);
    if (twin) return { row: twin, created: false };
    throw err;
  }
}
