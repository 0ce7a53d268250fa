import { and, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import { underPath } from '../../platform/scope.ts';
import { cases } from './schema.ts';

/** Number, state and whether still open, of the given cases (other modules' lists link to them). */
export async function caseBriefs(
  db: Queryable,
  ids: number[],
): Promise<Map<number, { caseNo: string; state: string; open: boolean }>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: cases.id, caseNo: cases.caseNo, state: cases.state })
    .from(cases)
    .where(inArray(cases.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, { caseNo: r.caseNo, state: r.state, open: !CLOSED_STATES.includes(r.state) }]));
}

/** States in which a case is no longer open (another module's case may no longer be joined). */
export const CLOSED_CASE_STATES: readonly string[] = ['closed', 'rated', 'rejected', 'merged'];
const CLOSED_STATES = CLOSED_CASE_STATES;

/** How many cases still open lie under a governance node (org asks before retiring it). Stops at 1. */
export async function openCasesUnder(db: Queryable, path: string): Promise<number> {
  // Served by the partial index of open cases keyed by scope path (cases_open_scope_due_idx).
  const rows = await db
    .select({ one: sql<number>`1` })
    .from(cases)
    .where(and(underPath(cases.scopePath, path), sql`${cases.state} not in ('closed', 'rated', 'rejected', 'merged')`))
    .limit(1);
  return rows.length;
}

/**
 * What became of a set of cases (a joint patrol's findings): how many exist, how many are closed
 * (closed or rated), and how many of those closed on time (verified within the limit, cases.closed_on_time).
 */
export async function caseOutcomeCounts(
  db: Queryable,
  ids: number[],
): Promise<{ cases: number; closed: number; closedOnTime: number }> {
  if (!ids.length) return { cases: 0, closed: 0, closedOnTime: 0 };
  const [row] = await db
    .select({
      cases: sql<number>`count(*)::int`,
      closed: sql<number>`count(*) filter (where ${cases.state} in ('closed', 'rated'))::int`,
      closedOnTime: sql<number>`count(*) filter (where ${cases.state} in ('closed', 'rated') and ${cases.closedOnTime})::int`,
    })
    .from(cases)
    .where(inArray(cases.id, [...new Set(ids)]));
  return { cases: row!.cases, closed: row!.closed, closedOnTime: row!.closedOnTime };
}
