/**
 * Party ledger at district scale: `npx tsx bench/party.ts` (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres).
 *
 * Creates its own gridhive_bench_party_* database, applies every migration, writes 50,000 members
 * in 500 branches (100 communities) and 5,000,000 point records over two years with
 * INSERT … SELECT generate_series, VACUUM ANALYZE (what autovacuum does after such a bulk insert:
 * statistics, and the visibility map that index-only scans rely on), then times:
 * - a branch's monthly red/yellow list (computeHonorList), target p95 ≤ 100 ms;
 * - a member's activity record, first page of 50 and per-source totals: the function the routes call
 *   (activityRecord, 1,000 random members) and the web app's own request, GET /api/party/me/record
 *   through the real HTTP handlers (app.inject: session, member lookup, query, JSON) for 200 member
 *   accounts; target p95 ≤ 20 ms.
 * Baseline in the same run: the same calls with index scans disabled (what the ledger costs
 * without its (branch, occurred_at) and (member, occurred_at, id) indexes).
 * BENCH_KEEP=1 keeps the database for EXPLAIN sessions; BENCH_DB=<name> times again on a kept
 * database (pending migrations applied, no data written).
 */
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { pg } from '../server/platform/db/pg-types.ts';
import { runMigrations } from '../server/platform/db/migrate.ts';
import type { Db } from '../server/platform/db/open.ts';
import { buildApp } from '../server/app.ts';
import { readConfig } from '../server/platform/config.ts';
import { hashPassword } from '../server/platform/auth/passwords.ts';
import { createDeps } from '../server/deps.ts';
import { computeHonorList } from '../server/modules/party/honor-list.ts';
import { activityRecord } from '../server/modules/party/queries.ts';
import { createRng } from '../server/seed/geo/prng.ts';

const MEMBERS = 50_000,
  BRANCHES = 500,
  POINTS = 5_000_000;
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const reuse = process.env.BENCH_DB;
const name = reuse ?? `gridhive_bench_party_${process.pid}`;

function p95(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!;
}

function p50(samples: number[]): number {
  return [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}

async function time(runs: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

async function withoutIndexes<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_indexscan = off`);
    await tx.execute(sql`set local enable_bitmapscan = off`);
    await tx.execute(sql`set local enable_indexonlyscan = off`);
    return work(tx as unknown as Db);
  });
}

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
if (!reuse) await admin.query(`create database ${name}`);
const target = new URL(serverUrl);
target.pathname = `/${name}`;
const pool = new pg.Pool({ connectionString: target.toString(), max: 2 });
pool.on('error', (e) => console.error('连接错误：', e.message));
try {
  await runMigrations(pool);
  console.log(reuse ? `migrated; reusing ${name}` : 'migrated; generating data…');
  const db = drizzle(pool) as unknown as Db;
  let t = performance.now();
  if (!reuse) {
    // Member m belongs to branch ((m-1) % 500) + 1, whose community is ((branch-1) / 5) + 1.
    await pool.query(`insert into party_members (name, branch_org_id, branch_path, home_community_id, joined_on)
    select '党员' || g, ((g - 1) % ${BRANCHES}) + 1, '/1/' || (((g - 1) % ${BRANCHES}) / 5 + 1) || '/', ((g - 1) % ${BRANCHES}) / 5 + 1, date '2023-01-01'
    from generate_series(1, ${MEMBERS}) g`);
    await pool.query(`insert into party_points (member_id, branch_org_id, community_id, source_kind, source_id, item, points, occurred_at)
    select m, ((m - 1) % ${BRANCHES}) + 1, ((m - 1) % ${BRANCHES}) / 5 + 1, (array['case.accepted','wish.fulfilled','volunteer.hour','meeting.attended','manual'])[g % 5 + 1],
      g::text, 'item', 1 + g % 3, timestamptz '2024-07-01 00:00+08' + ((g::bigint * 7919) % (730 * 86400)) * interval '1 second'
    from (select g, (g % ${MEMBERS}) + 1 as m from generate_series(1, ${POINTS}) g) s`);
    console.log(
      `setup: ${MEMBERS.toLocaleString()} members, ${POINTS.toLocaleString()} points in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  }
  await pool.query('vacuum analyze party_members');
  await pool.query('vacuum analyze party_points');
  // 200 members get accounts, so that the web app's request can be timed as those members.
  const passwordHash = await hashPassword('bench');
  await pool.query(`delete from sessions; delete from users where username like 'bm%'`);
  await pool.query(`update party_members set user_id = null where user_id is not null`);
  const accounts = await pool.query<{ id: number }>(
    `insert into users (username, display_name, password_hash, role)
    select 'bm' || g, '党员' || g, $1, 'party_member' from generate_series(1, 200) g returning id`,
    [passwordHash],
  );
  await pool.query(`update party_members m set user_id = u.id from (select id, row_number() over (order by id) as n from users where username like 'bm%') u
    where m.id = ((u.n * 7919) % ${MEMBERS}) + 1`);
  console.log(
    `vacuum analyze and ${accounts.rowCount} member accounts in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  const rng = createRng(7);
  const months = ['2024-09', '2025-01', '2025-06', '2025-11', '2026-03'];
  const branch = () => rng.int(1, BRANCHES);
  const member = () => rng.int(1, MEMBERS);
  await time(20, () => computeHonorList(db, 'branch', branch(), '2025-06')); // warm-up
  const honor = await time(300, (i) => computeHonorList(db, 'branch', branch(), months[i % months.length]!));
  const record = await time(1000, () => activityRecord(db, member(), 50));
  const deps = createDeps({ ...readConfig({}), webDir: null }, db);
  const app = await buildApp(deps);
  const sessions: Record<string, string>[] = [];
  for (let i = 1; i <= 200; i++) {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: `bm${i}`, password: 'bench' },
    });
    sessions.push({ cookie: login.cookies.map((c) => `${c.name}=${c.value}`).join('; ') });
  }
  const api = await time(1000, async (i) => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/party/me/record?pageSize=50',
      headers: sessions[(i * 37) % sessions.length]!,
    });
    if (res.statusCode !== 200 || res.json().data.length === 0)
      throw new Error(`全程纪实请求失败：${res.statusCode} ${res.body.slice(0, 200)}`);
  });
  deps.liveHub.close();
  await app.close();
  const honorBase = await time(5, (i) =>
    withoutIndexes(db, (tx) => computeHonorList(tx, 'branch', branch(), months[i % months.length]!)),
  );
  const recordBase = await time(5, () => withoutIndexes(db, (tx) => activityRecord(tx, member(), 50)));
  t = p95(honor);
  const r = p95(record);
  console.log(
    `branch monthly red/yellow list: p95 ${t.toFixed(1)} ms (target ≤ 100), without indexes p95 ${p95(honorBase).toFixed(0)} ms → ${(p95(honorBase) / t).toFixed(0)}× faster`,
  );
  console.log(
    `member activity record (page + totals): p95 ${r.toFixed(1)} ms (target ≤ 20), without indexes p95 ${p95(recordBase).toFixed(0)} ms → ${(p95(recordBase) / r).toFixed(0)}× faster`,
  );
  console.log(
    `GET /api/party/me/record?pageSize=50 (web app's request, via HTTP handlers): p50 ${p50(api).toFixed(1)} ms, p95 ${p95(api).toFixed(1)} ms (target ≤ 20)`,
  );
} finally {
  await pool.end();
  // BENCH_KEEP=1 leaves the database for EXPLAIN sessions (drop it by hand afterwards).
  if (process.env.BENCH_KEEP === '1' || reuse) console.log(`kept database ${name}`);
  else await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
