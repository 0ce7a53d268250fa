import { and, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import { underPath } from '../../platform/scope.ts';
import { cases } from './schema.ts';

/** How many cases still open lie under a governance node (org asks before retiring it). Stops at 1. */
export async function openCasesUnder(db: Queryable, path: string): Promise<number> {
  // Served by the partial index of open cases keyed by scope path (cases_open_scope_due_idx).
  const rows = await db.select({ one: sql<number>`1` }).from(cases)
    .where(and(underPath(cases.scopePath, path), sql`${cases.state} not in ('closed', 'rated', 'rejected', 'merged')`)).limit(1);
  return rows.length;
}
