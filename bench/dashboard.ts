/**
 * Street big screen at district scale: `npx tsx bench/dashboard.ts [cases] [baseRecords] [--keep] [--reuse=<database>] [--explain]`
 * (defaults 5,000,000 cases and 2,000,000 base records; DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres). Generates into its own gridhive_bench_dash_*
 * database, dropped afterwards unless --keep; --reuse measures a kept database again without
 * generating. Prints the p95 of the street big screen's full set of queries (both endpoints' work)
 * and of recomputing the same case panels from the base tables, and their ratio; then the same screen
 * through the real HTTP endpoints (signed-in street admin, app.inject), alternating run by run with the
 * direct calls, and the ratio HTTP / direct. When the big
 * screen misses its target (or with --explain), prints EXPLAIN ANALYZE of its slowest queries.
 */
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { pg } from '../server/platform/db/pg-types.ts';
import { runMigrations } from '../server/platform/db/migrate.ts';
import type { Db } from '../server/platform/db/open.ts';
import { bigscreenBase, bigscreenCases } from '../server/modules/analytics/bigscreen.ts';
import { periodsAt } from '../server/modules/analytics/periods.ts';
import { cohort } from '../server/modules/analytics/cohort.ts';
import { refreshRollups } from '../server/modules/analytics/refresh.ts';
import { allProviders } from '../server/modules/analytics/registry.ts';
import { caseIndicators } from '../server/modules/cases/indicators.ts';
import { mapLayers } from '../server/modules/analytics/map.ts';
import { refreshSnapshots } from '../server/modules/analytics/snapshots.ts';
import { explainSlowest } from './dashboard/explain.ts';
import { bigscreenOverHttp } from './dashboard/http.ts';
import { seedBase, seedCases, seedTree, withoutIndexes } from './dashboard/generate.ts';

const numbers = process.argv
  .slice(2)
  .filter((a) => /^\d+$/.test(a))
  .map(Number);
const CASES = numbers[0] ?? 5_000_000;
const BASE = numbers[1] ?? 2_000_000;
const reuse = process.argv.find((a) => a.startsWith('--reuse='))?.slice('--reuse='.length);
const keep = process.argv.includes('--keep') || Boolean(reuse);
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = reuse ?? `gridhive_bench_dash_${process.pid}`;
const STREET = '/1/2/';
const TARGET_MS = 150;

const p95 = (s: number[]) => [...s].sort((a, b) => a - b)[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!;
async function time(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** The same case panels straight from the cases table (what the rollup saves per request). */
async function fromBaseTables(db: Db) {
  const p = periodsAt(new Date());
  const day = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const filter = { scopePath: STREET, from: `${p.month}-01`, to: day(new Date(p.nextMonthStart.getTime() - 1)) };
  await Promise.all([
    caseIndicators(db, filter, 'street'),
    caseIndicators(db, filter, 'category'),
    caseIndicators(db, filter, 'department'),
    db.execute(
      sql`select state, count(*) from cases where scope_path like ${`${STREET}%`} and reported_at >= ${p.monthStart.toISOString()}::timestamptz group by 1`,
    ),
    db.execute(sql`select to_char(reported_at at time zone 'Asia/Shanghai', 'YYYY-MM'), count(*), count(closed_at), count(*) filter (where closed_on_time and closed_at is not null)
      from cases where scope_path like ${`${STREET}%`} and reported_at >= ${periodsAt(new Date()).monthStart.toISOString()}::timestamptz - interval '11 months' group by 1`),
  ]);
}

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
if (!reuse) await admin.query(`create database ${name}`);
const target = new URL(serverUrl);
target.pathname = `/${name}`;
const pool = new pg.Pool({ connectionString: target.toString(), max: 8 });
const secs = (t: number) => `${((performance.now() - t) / 1000).toFixed(0)} s`;
try {
  const db = drizzle(pool) as unknown as Db;
  await runMigrations(pool);
  if (!reuse) {
    let t = performance.now();
    await seedTree(pool);
    let counts: Awaited<ReturnType<typeof seedBase>> | undefined;
    const rebuilt = await withoutIndexes(
      pool,
      [
        'cases',
        'people_residents',
        'people_houses',
        'people_entities',
        'people_components',
        'party_members',
        'party_points',
      ],
      async () => {
        counts = await seedBase(pool, BASE);
        console.log(`  base records written in ${secs(t)}`);
        await seedCases(pool, CASES);
        console.log(`  cases written in ${secs(t)}`);
      },
    );
    console.log(
      `  rebuilt ${rebuilt.length} secondary indexes from their schema definitions, partial ones included: ${rebuilt
        .filter((d) => / WHERE /.test(d))
        .map((d) => d.split(' ')[2])
        .join(', ')}`,
    );
    console.log(
      `generated ${CASES.toLocaleString()} cases and ${BASE.toLocaleString()} base records (${JSON.stringify(counts)}) with indexes in ${secs(t)}`,
    );
    t = performance.now();
    const months = await refreshRollups(db, allProviders());
    console.log(`full rollup refresh: ${JSON.stringify(months)} months in ${secs(t)}`);
  }
  let t = performance.now();
  console.log(
    `snapshot figures (population, entities, members, volunteers, red list) for ${await refreshSnapshots(db, allProviders())} node × figure pairs in ${secs(t)}`,
  );
  const {
    rows: [size],
  } =
    await pool.query(`select (select count(*) from cases)::int as cases, (select count(*) from cases where state not in ('closed', 'rated'))::int as open,
    (select count(*) from people_residents)::int as residents, pg_size_pretty(pg_database_size(current_database())) as size`);
  console.log(`database ${name}: ${JSON.stringify(size)}`);
  // The refresh job runs every 5 s: what it costs with nothing, one and 50 transitions behind.
  await pool.query(`update analytics_refresh_marks set changes_since = now()`);
  for (const n of [0, 1, 50]) {
    if (n)
      await pool.query(
        `update cases set state = 'handled', updated_at = now() where id in (select id from cases where state = 'dispatched' limit ${n})`,
      );
    t = performance.now();
    const inc = await refreshRollups(db, allProviders());
    console.log(
      `incremental refresh after ${n} changes: ${JSON.stringify(inc)} in ${(performance.now() - t).toFixed(0)} ms`,
    );
    await pool.query(`update analytics_refresh_marks set changes_since = now()`);
  }

  const screen = async () =>
    Promise.all([bigscreenBase(db, STREET, new Date()), bigscreenCases(db, STREET, new Date())]);
  await screen();
  const rolled = await time(40, screen);
  const baseOnly = await time(20, () => bigscreenBase(db, STREET, new Date()));
  const casesOnly = await time(20, () => bigscreenCases(db, STREET, new Date()));
  // The month panel alone: this month's totals and states for the street, read from the rollup.
  const monthOf = periodsAt(new Date()).month;
  const monthPanel = await time(40, () =>
    Promise.all(
      ['all', 'state'].map((dim) => cohort(db, { source: 'cases.cohort', nodePath: STREET, dim, months: [monthOf] })),
    ),
  );
  await fromBaseTables(db);
  const base = await time(8, () => fromBaseTables(db));
  const mapSet = () =>
    mapLayers(db, STREET, ['cases', 'care', 'partyHouseholds', 'components', 'stations'], new Date());
  const map = await time(5, mapSet);
  console.log(
    `street big screen, full set of queries: p95 ${p95(rolled).toFixed(1)} ms over ${rolled.length} runs (target ≤ ${TARGET_MS} ms)`,
  );
  console.log(
    `  of which /bigscreen/base alone p95 ${p95(baseOnly).toFixed(1)} ms, /bigscreen/cases alone p95 ${p95(casesOnly).toFixed(1)} ms`,
  );
  console.log(
    `  month panel (this month's totals and states from the rollup) p95 ${p95(monthPanel).toFixed(1)} ms over ${monthPanel.length} runs (target ≤ 20 ms)`,
  );
  console.log(`same case panels recomputed from base tables: p95 ${p95(base).toFixed(1)} ms over ${base.length} runs`);
  console.log(`ratio base / rollup: ${(p95(base) / p95(rolled)).toFixed(1)}×`);
  console.log(
    `street one map (cases ≤ 10,000 points, care, party households, components, stations): p95 ${p95(map).toFixed(1)} ms over ${map.length} runs`,
  );
  // Same screen through HTTP; direct and HTTP alternate run by run so both see the same load.
  const http = await bigscreenOverHttp(pool, Number(STREET.split('/')[2]));
  try {
    await http.load();
    const direct: number[] = [],
      overHttp: number[] = [];
    for (let i = 0; i < 40; i++) {
      direct.push(...(await time(1, screen)));
      overHttp.push(...(await time(1, http.load)));
    }
    console.log(
      `street big screen through HTTP (signed-in street admin, both endpoints): p95 ${p95(overHttp).toFixed(1)} ms | direct calls p95 ${p95(direct).toFixed(1)} ms | ratio HTTP / direct ${(p95(overHttp) / p95(direct)).toFixed(2)}`,
    );
  } finally {
    await http.close();
  }
  if (p95(rolled) > TARGET_MS || process.argv.includes('--explain')) {
    console.log(
      `street big screen ${p95(rolled) > TARGET_MS ? 'misses its target' : 'queries (--explain)'}: the slowest statements of one run of the full set`,
    );
    await explainSlowest(pool, (spyDb) =>
      Promise.all([bigscreenBase(spyDb, STREET, new Date()), bigscreenCases(spyDb, STREET, new Date())]),
    );
  }
  if (process.argv.includes('--explain')) {
    console.log('street one map (--explain): the slowest statements of one run');
    await explainSlowest(
      pool,
      (spyDb) => mapLayers(spyDb, STREET, ['cases', 'care', 'partyHouseholds', 'components', 'stations'], new Date()),
      2,
    );
  }
} finally {
  await pool.end();
  if (keep) console.log(`kept database ${name} (rerun with --reuse=${name}; drop database ${name} when done)`);
  else await admin.query(`drop database if exists ${name}`);
  await admin.end();
}
