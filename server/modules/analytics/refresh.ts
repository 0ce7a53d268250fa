import { and, eq, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../../platform/db/tx.ts';
import { cohortLeaves, cohortMonths, refreshMarks } from './schema.ts';
import type { CohortFact, StatProvider } from './stat-provider.ts';

type CohortProvider = Extract<StatProvider, { kind: 'cohort' }>;
type Row = typeof cohortMonths.$inferInsert;
type Counts = Pick<Row, 'reported' | 'closed' | 'closedOnTime' | 'rated' | 'satisfied'>;

/**
 * A transaction that commits after we read the clock carries an older updated_at than our
 * watermark; looking back this far again on the next run catches it (recounting a leaf whose
 * figures did not change adds nothing).
 */
const LOOK_BACK_MS = 120_000;
const CHUNK = 20_000;
const COUNTS = ['reported', 'closed', 'closedOnTime', 'rated', 'satisfied'] as const;

/**
 * How often the incremental refresh runs. Month figures are at most this plus one worker poll
 * (1 s) plus the run itself behind a case transition; the promise is 10 s.
 */
export const REFRESH_EVERY_SECONDS = 5;

/** '/1/7/42/' → ['/1/', '/1/7/', '/1/7/42/']: every node whose figures include the fact. */
export function ancestorsOf(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

/** Adds each leaf fact (times `sign`) into every ancestor's row. */
export function rollUp(
  source: string,
  month: string,
  facts: CohortFact[],
  sign: 1 | -1 = 1,
  into = new Map<string, Row>(),
): Map<string, Row> {
  for (const f of facts) {
    for (const nodePath of ancestorsOf(f.scopePath)) {
      const id = `${nodePath}|${f.dim}|${f.key}`;
      const row = into.get(id) ?? {
        source,
        month,
        nodePath,
        dim: f.dim,
        key: f.key,
        name: f.name,
        reported: 0,
        closed: 0,
        closedOnTime: 0,
        rated: 0,
        satisfied: 0,
      };
      for (const c of COUNTS) row[c] += sign * f[c];
      // The newest count names the key (a renamed category); an old leaf row only subtracts.
      if (sign === 1) row.name = f.name;
      into.set(id, row);
    }
  }
  return into;
}

const column = <K extends keyof Row>(rows: Row[], k: K) => sql.param(rows.map((r) => r[k]));

/** One statement per chunk with arrays as parameters: a month of a district is ~40,000 rows. */
function insertRows(rows: Row[]) {
  return sql`insert into analytics_cohort_months (source, month, node_path, dim, key, name, reported, closed, closed_on_time, rated, satisfied)
    select * from unnest(${column(rows, 'source')}::text[], ${column(rows, 'month')}::text[], ${column(rows, 'nodePath')}::text[], ${column(rows, 'dim')}::text[], ${column(rows, 'key')}::text[], ${column(rows, 'name')}::text[],
      ${column(rows, 'reported')}::int[], ${column(rows, 'closed')}::int[], ${column(rows, 'closedOnTime')}::int[], ${column(rows, 'rated')}::int[], ${column(rows, 'satisfied')}::int[])`;
}

/** Adds deltas into the ancestors' rows (new keys inserted) and drops rows that fell to nothing. */
function addRows(rows: Row[]) {
  return sql`with d as (
      select * from unnest(${column(rows, 'source')}::text[], ${column(rows, 'month')}::text[], ${column(rows, 'nodePath')}::text[], ${column(rows, 'dim')}::text[], ${column(rows, 'key')}::text[], ${column(rows, 'name')}::text[],
        ${column(rows, 'reported')}::int[], ${column(rows, 'closed')}::int[], ${column(rows, 'closedOnTime')}::int[], ${column(rows, 'rated')}::int[], ${column(rows, 'satisfied')}::int[])
        as d(source, month, node_path, dim, key, name, reported, closed, closed_on_time, rated, satisfied))
    insert into analytics_cohort_months as m (source, month, node_path, dim, key, name, reported, closed, closed_on_time, rated, satisfied)
    select * from d
    on conflict (source, node_path, dim, month, key) do update set name = excluded.name,
      reported = m.reported + excluded.reported, closed = m.closed + excluded.closed, closed_on_time = m.closed_on_time + excluded.closed_on_time,
      rated = m.rated + excluded.rated, satisfied = m.satisfied + excluded.satisfied`;
}

function insertLeaves(source: string, month: string, facts: CohortFact[]) {
  const col = <K extends keyof CohortFact>(k: K) => sql.param(facts.map((f) => f[k]));
  return sql`insert into analytics_cohort_leaves (source, month, leaf_path, dim, key, name, reported, closed, closed_on_time, rated, satisfied)
    select ${source}, ${month}, * from unnest(${col('scopePath')}::text[], ${col('dim')}::text[], ${col('key')}::text[], ${col('name')}::text[],
      ${col('reported')}::int[], ${col('closed')}::int[], ${col('closedOnTime')}::int[], ${col('rated')}::int[], ${col('satisfied')}::int[])`;
}

/** One refresher per source at a time, across processes: deltas applied twice would count twice. */
const lock = (tx: Tx, source: string) =>
  tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`analytics.refresh:${source}`}))`);

/** Rewrites one month wholly (its ancestors' rows and its leaves), atomically for readers. */
async function rebuildMonth(db: Queryable, provider: CohortProvider, month: string): Promise<void> {
  const facts = await provider.facts(db, month);
  const rows = [...rollUp(provider.name, month, facts).values()];
  await db.transaction(async (tx) => {
    await lock(tx, provider.name);
    await tx.delete(cohortMonths).where(and(eq(cohortMonths.source, provider.name), eq(cohortMonths.month, month)));
    await tx.delete(cohortLeaves).where(and(eq(cohortLeaves.source, provider.name), eq(cohortLeaves.month, month)));
    for (let i = 0; i < rows.length; i += CHUNK) await tx.execute(insertRows(rows.slice(i, i + CHUNK)));
    for (let i = 0; i < facts.length; i += CHUNK)
      await tx.execute(insertLeaves(provider.name, month, facts.slice(i, i + CHUNK)));
  });
}

/**
 * Recounts the changed leaves of the changed months and adds (new − old) into every ancestor, in
 * one transaction: readers see a month before or after, never half. Case writers never touch these
 * tables, so they neither wait for this nor for each other on a district's hot totals row.
 */
async function applyChangedLeaves(db: Queryable, provider: CohortProvider, since: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await lock(tx, provider.name);
    const changed = await provider.changedLeaves(tx, since);
    // A case's leaf only ever moves down (its community's path → a grid of that community, when
    // the grid is set at 立案), so the leaf it left is an ancestor of the one it is in: recount the
    // ancestors too (their own cases are few: those filed without a grid).
    const byMonth = new Map<string, Set<string>>();
    for (const c of changed) {
      const paths = byMonth.get(c.month) ?? new Set<string>();
      for (const p of ancestorsOf(c.scopePath)) paths.add(p);
      byMonth.set(c.month, paths);
    }
    for (const [month, leafSet] of byMonth) {
      const leafPaths = [...leafSet];
      const leafWhere = and(
        eq(cohortLeaves.source, provider.name),
        eq(cohortLeaves.month, month),
        sql`${cohortLeaves.leafPath} = any(${sql.param(leafPaths)}::text[])`,
      );
      const [fresh, old] = await Promise.all([
        provider.facts(tx, month, leafPaths),
        tx
          .select({
            scopePath: cohortLeaves.leafPath,
            dim: cohortLeaves.dim,
            key: cohortLeaves.key,
            name: cohortLeaves.name,
            reported: cohortLeaves.reported,
            closed: cohortLeaves.closed,
            closedOnTime: cohortLeaves.closedOnTime,
            rated: cohortLeaves.rated,
            satisfied: cohortLeaves.satisfied,
          })
          .from(cohortLeaves)
          .where(leafWhere),
      ]);
      // Keys still counted are written even when unchanged (a renamed category takes its new name).
      const counted = new Set(fresh.map((f) => `${f.dim}|${f.key}`));
      const delta = [...rollUp(provider.name, month, old, -1, rollUp(provider.name, month, fresh)).values()].filter(
        (r) => counted.has(`${r.dim}|${r.key}`) || COUNTS.some((c) => (r as Counts)[c] !== 0),
      );
      for (let i = 0; i < delta.length; i += CHUNK) await tx.execute(addRows(delta.slice(i, i + CHUNK)));
      // A key no case has any more (reclassified away) falls to zero everywhere: drop it. Only the
      // touched nodes are looked at (primary key: source, node_path, …).
      const touched = [...new Set(delta.map((r) => r.nodePath))];
      if (touched.length) {
        await tx.execute(sql`delete from analytics_cohort_months where source = ${provider.name} and node_path = any(${sql.param(touched)}::text[]) and month = ${month}
          and reported = 0 and closed = 0 and closed_on_time = 0 and rated = 0 and satisfied = 0`);
      }
      await tx.delete(cohortLeaves).where(leafWhere);
      if (fresh.length) await tx.execute(insertLeaves(provider.name, month, fresh));
    }
    return changed.length;
  });
}

async function refreshSource(db: Queryable, provider: CohortProvider): Promise<{ months: number; leaves: number }> {
  const [mark] = await db.select().from(refreshMarks).where(eq(refreshMarks.source, provider.name));
  const {
    rows: [clock],
  } = await db.execute<{ now: string }>(sql`select now()::text as now`);
  let done: { months: number; leaves: number };
  if (mark) {
    const leaves = await applyChangedLeaves(db, provider, new Date(mark.changesSince.getTime() - LOOK_BACK_MS));
    done = { months: 0, leaves };
  } else {
    // No watermark: a fresh database (the seed), or rollups written before leaves existed.
    const months = await provider.changedMonths(db, null);
    for (const month of months) await rebuildMonth(db, provider, month);
    done = { months: months.length, leaves: 0 };
  }
  // The watermark moves only once every change is applied: a crash reruns them.
  const next = { changesSince: new Date(clock!.now), refreshedAt: new Date(), months: done.months };
  await db
    .insert(refreshMarks)
    .values({ source: provider.name, ...next })
    .onConflictDoUpdate({ target: refreshMarks.source, set: next });
  return done;
}

/**
 * Brings every cohort rollup up to date: the first run (no watermark) builds every month, later
 * runs recount the leaves changed since. Returns, per source, the months rebuilt and the
 * (month, leaf) pairs recounted. Works inside a caller's transaction too (the seed).
 */
export async function refreshRollups(
  db: Queryable,
  providers: StatProvider[],
): Promise<Record<string, { months: number; leaves: number }>> {
  const done: Record<string, { months: number; leaves: number }> = {};
  for (const p of providers) if (p.kind === 'cohort') done[p.name] = await refreshSource(db, p);
  return done;
}

/** Forgets the watermark so the next refresh rebuilds every month from the items (repair, tests). */
export async function forgetRollups(db: Queryable): Promise<void> {
  await db.delete(refreshMarks);
}
