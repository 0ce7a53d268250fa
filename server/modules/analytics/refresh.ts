import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/open.ts';
import { withTx } from '../../platform/db/tx.ts';
import { cohortMonths, refreshMarks } from './schema.ts';
import type { CohortFact, StatProvider } from './stat-provider.ts';

type CohortProvider = Extract<StatProvider, { kind: 'cohort' }>;
type Row = typeof cohortMonths.$inferInsert;

/**
 * A transaction that commits after we read the clock carries an older updated_at than our
 * watermark; looking back this far again on the next run catches it (recomputing is idempotent).
 */
const LOOK_BACK_MS = 120_000;
const CHUNK = 20_000;

/** '/1/7/42/' → ['/1/', '/1/7/', '/1/7/42/']: every node whose figures include the fact. */
export function ancestorsOf(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

/** Adds each leaf fact into every ancestor's row. */
export function rollUp(source: string, month: string, facts: CohortFact[]): Row[] {
  const rows = new Map<string, Row>();
  for (const f of facts) {
    for (const nodePath of ancestorsOf(f.scopePath)) {
      const id = `${nodePath}|${f.dim}|${f.key}`;
      const row = rows.get(id) ?? { source, month, nodePath, dim: f.dim, key: f.key, name: f.name, reported: 0, closed: 0, closedOnTime: 0, rated: 0, satisfied: 0 };
      row.reported += f.reported; row.closed += f.closed; row.closedOnTime += f.closedOnTime; row.rated += f.rated; row.satisfied += f.satisfied;
      rows.set(id, row);
    }
  }
  return [...rows.values()];
}

/** One statement per chunk with arrays as parameters: a month of a district is ~40,000 rows. */
function insertRows(rows: Row[]) {
  const col = <K extends keyof Row>(k: K) => sql.param(rows.map((r) => r[k]));
  return sql`insert into analytics_cohort_months (source, month, node_path, dim, key, name, reported, closed, closed_on_time, rated, satisfied)
    select * from unnest(${col('source')}::text[], ${col('month')}::text[], ${col('nodePath')}::text[], ${col('dim')}::text[], ${col('key')}::text[], ${col('name')}::text[],
      ${col('reported')}::int[], ${col('closed')}::int[], ${col('closedOnTime')}::int[], ${col('rated')}::int[], ${col('satisfied')}::int[])`;
}

async function refreshSource(db: Db, provider: CohortProvider): Promise<number> {
  const [mark] = await db.select().from(refreshMarks).where(eq(refreshMarks.source, provider.name));
  const { rows: [clock] } = await db.execute<{ now: string }>(sql`select now()::text as now`);
  const since = mark ? new Date(mark.changesSince.getTime() - LOOK_BACK_MS) : null;
  const months = await provider.changedMonths(db, since);
  for (const month of months) {
    const rows = rollUp(provider.name, month, await provider.facts(db, month));
    // One month replaced atomically: readers never see it half written.
    await withTx(db, async (tx) => {
      await tx.delete(cohortMonths).where(and(eq(cohortMonths.source, provider.name), eq(cohortMonths.month, month)));
      for (let i = 0; i < rows.length; i += CHUNK) await tx.execute(insertRows(rows.slice(i, i + CHUNK)));
    });
  }
  // The watermark moves only once every changed month is rewritten: a crash reruns them all.
  const next = { changesSince: new Date(clock!.now), refreshedAt: new Date(), months: months.length };
  await db.insert(refreshMarks).values({ source: provider.name, ...next }).onConflictDoUpdate({ target: refreshMarks.source, set: next });
  return months.length;
}

/** Brings every cohort rollup up to date; returns the months recomputed per source. */
export async function refreshRollups(db: Db, providers: StatProvider[]): Promise<Record<string, number>> {
  const done: Record<string, number> = {};
  for (const p of providers) if (p.kind === 'cohort') done[p.name] = await refreshSource(db, p);
  return done;
}
