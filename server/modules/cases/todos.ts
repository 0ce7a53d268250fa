import { and, count, eq, inArray, lt, notInArray, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { casesScopeWhere } from './policy.ts';
import { cases } from './schema.ts';

const FINAL = ['closed', 'rated', 'rejected', 'merged'] as const;

/**
 * Case counts for a person's to-do list, each inside what casesScopeWhere lets them see:
 * waiting for acceptance, overdue, waiting for the grid worker's check, to sign, in hand,
 * and their own reports still open.
 */
export async function caseTodoCounts(db: Queryable, actor: Actor) {
  const scope = casesScopeWhere(actor);
  const countWhere = async (where: ReturnType<typeof and>) =>
    Number((await db.select({ n: count() }).from(cases).where(and(scope, where)))[0]?.n ?? 0);
  const [toAccept, overdue, toVerify, toSign, inHand, myOpen] = await Promise.all([
    countWhere(eq(cases.state, 'reported')),
    countWhere(and(notInArray(cases.state, [...FINAL, 'parked']), lt(cases.dueAt, sql`now()`))),
    countWhere(eq(cases.state, 'handled')),
    countWhere(eq(cases.state, 'dispatched')),
    countWhere(inArray(cases.state, ['signed', 'extension_requested'])),
    db
      .select({ n: count() })
      .from(cases)
      .where(and(eq(cases.reporterUserId, actor.userId), notInArray(cases.state, [...FINAL])))
      .then((r) => Number(r[0]?.n ?? 0)),
  ]);
  return { toAccept, overdue, toVerify, toSign, inHand, myOpen };
}
