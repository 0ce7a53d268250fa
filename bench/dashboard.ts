/**
 * Street big screen at district scale: `npx tsx bench/dashboard.ts [cases] [baseRecords]`
 * (defaults 5,000,000 and 2,000,000; DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres).
 * Creates and drops its own gridhive_bench_dash_* database. Prints the p95 of the street big
 * screen's full set of queries (both endpoints' work) and of recomputing the same case panels
 * from the base tables, and their ratio.
 */
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { pg } from '../server/platform/db/pg-types.ts';
import { runMigrations } from '../server/platform/db/migrate.ts';
import type { Db } from '../server/platform/db/open.ts';
import { bigscreenBase, bigscreenCases } from '../server/modules/analytics/bigscreen.ts';
import { periodsAt } from '../server/modules/analytics/periods.ts';
import { refreshRollups } from '../server/modules/analytics/refresh.ts';
import { allProviders } from '../server/modules/analytics/registry.ts';
import { caseIndicators } from '../server/modules/cases/indicators.ts';

const CASES = Number(process.argv[2] ?? 5_000_000);
const BASE = Number(process.argv[3] ?? 2_000_000);
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `gridhive_bench_dash_${process.pid}`;
const STREET = '/1/2/';

const p95 = (s: number[]) => [...s].sort((a, b) => a - b)[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!;
async function time(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) { const t = performance.now(); await fn(); out.push(performance.now() - t); }
  return out;
}

/** 10 streets × 10 communities × 10 grids; ids chosen so paths are arithmetic. */
async function seedTree(pool: pg.Pool) {
  await pool.query(`insert into org_nodes (id, level, code, name, path) values (1, 'district', '320508', '姑苏区', '/1/')`);
  await pool.query(`insert into org_nodes (id, parent_id, level, code, name, path) select 1 + s, 1, 'street', '320508' || lpad(s::text, 3, '0'), '街道' || s, '/1/' || (1 + s) || '/' from generate_series(1, 10) s`);
  await pool.query(`insert into org_nodes (id, parent_id, level, code, name, path) select 100 + c, 2 + (c - 1) / 10, 'community', '320508' || lpad(c::text, 6, '0'), '社区' || c, '/1/' || (2 + (c - 1) / 10) || '/' || (100 + c) || '/' from generate_series(1, 100) c`);
  await pool.query(`insert into org_nodes (id, parent_id, level, code, name, path, households) select 1000 + g, 101 + (g - 1) / 10, 'grid', '320508' || lpad(g::text, 9, '0'), '网格' || g, '/1/' || (2 + (g - 1) / 100) || '/' || (101 + (g - 1) / 10) || '/' || (1000 + g) || '/', 300 from generate_series(1, 1000) g`);
  await pool.query(`insert into case_categories (code, name, kind) select lpad(i::text, 2, '0'), '类别' || i, 'event' from generate_series(1, 12) i`);
}

async function seedRows(pool: pg.Pool) {
  const grid = (g: string) => `(1001 + (${g} % 1000))`;
  const gridPath = (g: string) => `'/1/' || (2 + (${g} % 1000) / 100) || '/' || (101 + (${g} % 1000) / 10) || '/' || ${grid(g)} || '/'`;
  await pool.query(`insert into people_residents (house_node_id, scope_path, name, gender, birth_date, id_kind, id_cipher, id_hash, id_tail, residence_type, address, search_tokens)
    select 100000 + g, ${gridPath('g')} || (100000 + g) || '/', '居民' || g, '男', date '1970-01-01', 'id', 'x', 'h' || g, '0000', 'registered', '地址', '{}' from generate_series(1, ${BASE}) g`);
  // Two years of cases; 1 in 20 still open, most closed and rated.
  await pool.query(`insert into cases (case_no, title, description, source, state, category_id, department_id, grid_id, community_id, street_id, scope_path, reported_at, closed_at, closed_on_time, score, due_at, updated_at)
    select 'B' || g, '案件', '描述', 'patrol', case when g % 20 = 0 then 'dispatched' when g % 3 = 0 then 'closed' else 'rated' end,
      1 + g % 12, case when g % 4 = 0 then null else 1 + g % 8 end, ${grid('g')}, 101 + (g % 1000) / 10, 2 + (g % 1000) / 100, ${gridPath('g')},
      r, case when g % 20 = 0 then null else r + interval '2 days' end, case when g % 20 = 0 then null else g % 7 <> 0 end,
      case when g % 20 <> 0 and g % 3 <> 0 then 1 + g % 5 end, case when g % 20 = 0 then r + interval '5 days' end, least(r + interval '3 days', now() - interval '1 hour')
    from (select g, now() - (g % 730) * interval '1 day' - (g % 1440) * interval '1 minute' as r from generate_series(1, ${CASES}) g) s`);
  await pool.query('analyze');
}

/** The same case panels straight from the cases table (what the rollup saves per request). */
async function fromBaseTables(db: Db) {
  const p = periodsAt(new Date());
  const day = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const filter = { scopePath: STREET, from: `${p.month}-01`, to: day(new Date(p.nextMonthStart.getTime() - 1)) };
  await Promise.all([
    caseIndicators(db, filter, 'street'), caseIndicators(db, filter, 'category'), caseIndicators(db, filter, 'department'),
    db.execute(sql`select state, count(*) from cases where scope_path like ${`${STREET}%`} and reported_at >= ${p.monthStart.toISOString()}::timestamptz group by 1`),
    db.execute(sql`select to_char(reported_at at time zone 'Asia/Shanghai', 'YYYY-MM'), count(*), count(closed_at), count(*) filter (where closed_on_time and closed_at is not null)
      from cases where scope_path like ${`${STREET}%`} and reported_at >= ${periodsAt(new Date()).monthStart.toISOString()}::timestamptz - interval '11 months' group by 1`),
  ]);
}

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`create database ${name}`);
const target = new URL(serverUrl); target.pathname = `/${name}`;
const pool = new pg.Pool({ connectionString: target.toString(), max: 8 });
try {
  await runMigrations(pool);
  const db = drizzle(pool) as unknown as Db;
  let t = performance.now();
  await seedTree(pool);
  await seedRows(pool);
  console.log(`generated ${CASES.toLocaleString()} cases and ${BASE.toLocaleString()} residents in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  t = performance.now();
  const months = await refreshRollups(db, allProviders());
  console.log(`full rollup refresh: ${JSON.stringify(months)} months in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  await pool.query(`update cases set state = 'handled', updated_at = now() where id in (select id from cases where state = 'dispatched' limit 50)`);
  t = performance.now();
  const inc = await refreshRollups(db, allProviders());
  console.log(`incremental refresh after 50 changes: ${JSON.stringify(inc)} months in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const screen = async () => Promise.all([bigscreenBase(db, STREET, new Date()), bigscreenCases(db, STREET, new Date())]);
  await screen();
  const rolled = await time(40, screen);
  await fromBaseTables(db);
  const base = await time(8, () => fromBaseTables(db));
  console.log(`street big screen, full set of queries: p95 ${p95(rolled).toFixed(1)} ms over ${rolled.length} runs (target ≤ 150 ms)`);
  console.log(`same case panels recomputed from base tables: p95 ${p95(base).toFixed(1)} ms over ${base.length} runs`);
  console.log(`ratio base / rollup: ${(p95(base) / p95(rolled)).toFixed(1)}×`);
} finally {
  await pool.end();
  await admin.query(`drop database if exists ${name}`);
  await admin.end();
}
