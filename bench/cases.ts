/**
 * Cases at city scale: `npx tsx bench/cases.ts [cases=1000000]` (DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres). Creates its own gridhive_bench_cases_* database,
 * seeds the demo district's tree (1,220 grids), writes N cases with INSERT … SELECT in the state mix
 * of a running loop (bench/lib/generate-cases.ts: ≈ 84 % finished over the past year, ≈ 16 % open
 * and recent, ≈ 13 % of the open ones past their deadline; the mix is printed), then times through the real HTTP handlers (app.inject, session and all):
 *  - a street dispatcher's inbox page: scope + state + overdue, newest first (target p95 ≤ 20 ms);
 *  - the street's indicators for one month, grouped by community (target p95 ≤ 200 ms);
 * and, as the baseline in the same run, the very SQL those handlers issued (captured from
 * drizzle's logger) replayed through `pg`, run for run alternately with the API calls so both
 * see the same machine load. Ratio = API / raw SQL (target ≤ 1.5).
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import * as schema from '../server/db/schema.ts';
import { buildApp } from '../server/app.ts';
import { readConfig } from '../server/platform/config.ts';
import { pg } from '../server/platform/db/pg-types.ts';
import { runMigrations } from '../server/platform/db/migrate.ts';
import type { Db } from '../server/platform/db/open.ts';
import { createDeps } from '../server/deps.ts';
import { seedDemoIfEmpty } from '../server/seed/index.ts';
import { describe, timeRuns } from './lib/stats.ts';
import { generateCases } from './lib/generate-cases.ts';

const N = Number(process.argv[2] ?? 1_000_000);
const RUNS = 200;
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// BENCH_DB=<name> times again on a database an earlier run kept (BENCH_KEEP=1), without writing.
const reuse = process.env.BENCH_DB;
const name = reuse ?? `gridhive_bench_cases_${process.pid}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
if (!reuse) await admin.query(`create database ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
pool.on('error', (e) => console.error('连接错误：', e.message));

let capturing: { sql: string; params: unknown[] }[] | null = null;
const db = drizzle(pool, {
  schema,
  logger: { logQuery: (sql, params) => capturing?.push({ sql, params }) },
}) as unknown as Db;
try {
  if (!reuse) {
    await runMigrations(pool);
    let t = performance.now();
    await seedDemoIfEmpty(db, { password: 'bench', housesFor: () => false });
    console.log(`tree seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    await generateCases(pool, N);
    console.log(`${N.toLocaleString()} cases written and analysed in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }

  const app = await buildApp(createDeps({ ...readConfig({}), webDir: null }, db));
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'street', password: 'bench' },
  });
  const headers = { cookie: login.cookies.map((c) => `${c.name}=${c.value}`).join('; ') };
  const street = (await pool.query(`select scope_node_id as id from users where username = 'street'`)).rows[0].id;
  const month = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 7);
  const lastDay = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0))
    .toISOString()
    .slice(0, 10);
  const targets = {
    inbox: '/api/cases?state=dispatched&state=signed&deadline=red&page=1&pageSize=20',
    indicators: `/api/cases/indicators?nodeId=${street}&from=${month}-01&to=${lastDay}&groupBy=community`,
  };
  for (const [label, path] of Object.entries(targets)) {
    const first = await app.inject({ method: 'GET', url: path, headers });
    if (first.statusCode !== 200) throw new Error(`${label}: ${first.statusCode} ${first.body}`);
    capturing = [];
    await app.inject({ method: 'GET', url: path, headers });
    const issued = capturing.filter((q) => /\bcases\b/.test(q.sql));
    capturing = null;
    // API and raw SQL alternate run by run, so that both see the same load on a shared machine.
    const api: number[] = [],
      raw: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      api.push(...(await timeRuns(1, () => app.inject({ method: 'GET', url: path, headers }))));
      raw.push(
        ...(await timeRuns(1, async () => {
          for (const q of issued) await pool.query(q.sql, q.params as unknown[]);
        })),
      );
    }
    const a = describe(api),
      r = describe(raw);
    console.log(
      `${label.padEnd(10)} API p50 ${a.p50} ms p95 ${a.p95} ms | raw SQL (${issued.length} statements) p50 ${r.p50} ms p95 ${r.p95} ms | ratio p50 ${(a.p50 / r.p50).toFixed(2)} p95 ${(a.p95 / r.p95).toFixed(2)}`,
    );
  }
  await app.close();
} finally {
  await pool.end();
  // BENCH_KEEP=1 leaves the database for EXPLAIN sessions.
  if (process.env.BENCH_KEEP === '1' || reuse) console.log(`kept database ${name}`);
  else await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
