import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import { cohortMonths } from './schema.ts';

export interface CohortFigures {
  key: string;
  name: string;
  reported: number;
  closed: number;
  onTimeCloseRate: number | null;
  satisfactionRate: number | null;
}

/** Rates as indicators.ts rounds them: one decimal, null when nothing counts yet. */
export function rate(part: number, whole: number): number | null {
  return whole ? Math.round((1000 * part) / whole) / 10 : null;
}

/** A node's rolled-up cohort rows for some months, summed per key (or per month with byMonth). */
export async function cohort(
  db: Queryable,
  q: { source: string; nodePath: string; dim: string; months: string[]; byMonth?: boolean },
): Promise<CohortFigures[]> {
  const t = cohortMonths;
  const key = q.byMonth ? t.month : t.key;
  const rows = await db
    .select({
      key,
      name: sql<string>`min(${t.name})`,
      reported: sql<number>`sum(${t.reported})::int`,
      closed: sql<number>`sum(${t.closed})::int`,
      closedOnTime: sql<number>`sum(${t.closedOnTime})::int`,
      rated: sql<number>`sum(${t.rated})::int`,
      satisfied: sql<number>`sum(${t.satisfied})::int`,
    })
    .from(t)
    .where(and(eq(t.source, q.source), eq(t.nodePath, q.nodePath), eq(t.dim, q.dim), inArray(t.month, q.months)))
    .groupBy(key);
  return rows.map((r) => ({
    key: r.key,
    name: r.name,
    reported: Number(r.reported),
    closed: Number(r.closed),
    onTimeCloseRate: rate(Number(r.closedOnTime), Number(r.closed)),
    satisfactionRate: rate(Number(r.satisfied), Number(r.rated)),
  }));
}
