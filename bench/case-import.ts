/**
 * Case intake at city scale: `npm run bench:case-import` (DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres; NODE_ENV=production). Creates its own
 * gridhive_bench_import_* database, seeds the demo district's tree (1,220 grids), writes
 * BENCH_BASE cases (default 100,000) in a running loop's state mix, then over real HTTP on
 * 127.0.0.1 (session, CSRF, multipart, all of it):
 *  - the hotline import (POST /api/cases/import): BENCH_FILES files (default 5) of BENCH_FILE_ROWS
 *    rows (default 20,000), every row with a point inside a grid and a category, so each case is
 *    located, gets its deadline, its timeline event and live event, and each file one audit row;
 *  - beside it, PostgreSQL's own COPY of the same number of rows of the same shape into the same
 *    table (cases only: no events, no audit) — the floor for writing these rows at all;
 * then grows the table by COPY to BENCH_GROW_TO cases (default 1,000,000) and measures both again;
 * and last the single-case report (POST /api/cases) at BENCH_CONCURRENCY clients (default 10) for
 * BENCH_REQUESTS requests (default 20,000) or BENCH_SECONDS seconds (default 20), whichever ends first.
 * BENCH_KEEP=1 keeps the database.
 */
import http from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { buildApp } from '../server/app.ts';
import { readConfig } from '../server/platform/config.ts';
import { openDatabase } from '../server/platform/db/open.ts';
import { pg } from '../server/platform/db/pg-types.ts';
import { createDeps } from '../server/deps.ts';
import { seedDemoIfEmpty } from '../server/seed/index.ts';
import { generateCases } from './lib/generate-cases.ts';

// Every statement any pooled connection sends (BEGIN/COMMIT too): round trips per request.
let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const BASE = env('BENCH_BASE', 100_000);
const GROW_TO = env('BENCH_GROW_TO', 1_000_000);
const FILES = env('BENCH_FILES', 5);
const FILE_ROWS = env('BENCH_FILE_ROWS', 20_000);
const UPLOADS = env('BENCH_UPLOADS', 1);
const CONCURRENCY = env('BENCH_CONCURRENCY', 10);
const REQUESTS = env('BENCH_REQUESTS', 20_000);
const SECONDS = env('BENCH_SECONDS', 20);
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `gridhive_bench_import_${process.pid}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
// The server's own pool (10 connections, jit off), as in production.
const database = await openDatabase({ dataDir: '/tmp', databaseUrl: url.toString() });
const { pool } = database;

interface Grid {
  id: number;
  path: string;
  communityId: number;
  streetId: number;
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}
interface Row {
  ref: string;
  title: string;
  description: string;
  name: string;
  phone: string;
  category: { id: number; name: string };
  grid: Grid;
  lng: number;
  lat: number;
}

let refSeq = 0;
let rnd = 2026;
const random = () => (rnd = (rnd * 1103515245 + 12345) % 2147483648) / 2147483648;
const TOPICS = [
  '楼道堆物影响通行',
  '小区路灯夜间不亮',
  '人行道井盖缺失',
  '垃圾桶满溢无人清运',
  '夜间施工噪音扰民',
  '机动车占用消防通道',
];

function makeRows(n: number, grids: Grid[], categories: { id: number; name: string }[], prefix: string): Row[] {
  return Array.from({ length: n }, () => {
    const grid = grids[Math.floor(random() * grids.length)]!;
    const topic = TOPICS[Math.floor(random() * TOPICS.length)]!;
    const i = ++refSeq;
    return {
      ref: `${prefix}${String(i).padStart(9, '0')}`,
      title: topic,
      description: `${topic}，来电人反映已持续多日，请尽快处理（${i}）`,
      name: `市民${i % 1000}`,
      phone: `139${String(10_000_000 + (i % 89_999_999)).padStart(8, '0')}`,
      category: categories[i % categories.length]!,
      grid,
      // Generated grids are axis-aligned rectangles: the middle half is safely inside.
      lng: grid.minLng + (0.25 + random() / 2) * (grid.maxLng - grid.minLng),
      lat: grid.minLat + (0.25 + random() / 2) * (grid.maxLat - grid.minLat),
    };
  });
}

const csv = (rows: Row[]) =>
  [
    '工单号,诉求标题,诉求内容,来电人,来电号码,诉求类别,经度,纬度',
    ...rows.map((r) => [r.ref, r.title, r.description, r.name, r.phone, r.category.name, r.lng, r.lat].join(',')),
  ].join('\n');

/** PostgreSQL's own COPY of rows of the import's shape into cases (ids from the same sequence). */
async function copyCases(rows: Row[]): Promise<number> {
  const client = await pool.connect();
  try {
    const t = performance.now();
    const now = new Date().toISOString();
    const due = new Date(Date.now() + 2 * 3_600_000).toISOString();
    const copy = client.query(
      copyFrom(`copy cases (case_no, title, description, source, state, category_id, reporter_name, reporter_phone_enc, entered_by_user_id, lng, lat, external_ref,
      grid_id, community_id, street_id, scope_path, due_at, step_started_at, reported_at) from stdin`),
    );
    async function* lines() {
      let chunk = '';
      for (const [i, r] of rows.entries()) {
        chunk += `CP${r.ref}\t${r.title}\t${r.description}\thotline\treported\t${r.category.id}\t${r.name}\tv1:000000000000000:0000000000000000000000:${r.phone}\t1\t${r.lng}\t${r.lat}\t${r.ref}\t${r.grid.id}\t${r.grid.communityId}\t${r.grid.streetId}\t${r.grid.path}\t${due}\t${now}\t${now}\n`;
        if (i % 2000 === 1999) {
          yield chunk;
          chunk = '';
        }
      }
      if (chunk) yield chunk;
    }
    await pipeline(Readable.from(lines()), copy);
    return performance.now() - t;
  } finally {
    client.release();
  }
}

async function login(base: string, username: string, password: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = cookies.find((c) => c.startsWith('gh_csrf='))!.slice('gh_csrf='.length);
  return { cookie: cookies.join('; '), 'x-csrf-token': csrf };
}

/**
 * Uploads the files over UPLOADS connections at once (a migration or a hotline hand-over sends
 * its files side by side; one file's writing waits for the other's under the import's lock, but
 * its reading and checking go on meanwhile). Answers the wall time from first upload to last answer.
 */
async function importFiles(base: string, headers: Record<string, string>, files: Row[][]) {
  const forms = files.map((rows) => {
    const form = new FormData();
    form.append('file', new Blob([csv(rows)], { type: 'text/csv' }), 'hotline.csv');
    return { rows, form };
  });
  let next = 0;
  const uploader = async () => {
    for (let file = forms[next++]; file; file = forms[next++]) {
      const t = performance.now();
      const res = await fetch(`${base}/api/cases/import`, { method: 'POST', headers, body: file.form });
      const body = (await res.json()) as { data?: { created: number; errors: unknown[] } };
      const took = performance.now() - t;
      if (res.status !== 200 || body.data?.created !== file.rows.length)
        throw new Error(`import ${res.status} ${JSON.stringify(body).slice(0, 500)}`);
      process.stdout.write(`    file of ${file.rows.length.toLocaleString()}: ${(took / 1000).toFixed(2)} s\n`);
    }
  };
  const t = performance.now();
  await Promise.all(Array.from({ length: UPLOADS }, uploader));
  return performance.now() - t;
}

async function measure(
  label: string,
  base: string,
  headers: Record<string, string>,
  grids: Grid[],
  categories: { id: number; name: string }[],
) {
  const present = Number((await pool.query('select count(*) from cases')).rows[0].count);
  const files = Array.from({ length: FILES }, () => makeRows(FILE_ROWS, grids, categories, 'RX'));
  const importMs = await importFiles(base, headers, files);
  const copyMs = await copyCases(makeRows(FILES * FILE_ROWS, grids, categories, 'CX'));
  const n = FILES * FILE_ROWS;
  const importRate = n / (importMs / 1000),
    copyRate = n / (copyMs / 1000);
  console.log(
    `${label}: ${present.toLocaleString()} cases present — product import ${Math.round(importRate).toLocaleString()} rows/s (${(importMs / FILES / 1000).toFixed(2)} s per ${FILE_ROWS.toLocaleString()}-row file) | PostgreSQL COPY ${Math.round(copyRate).toLocaleString()} rows/s | import/COPY ${(importRate / copyRate).toFixed(2)}`,
  );
}

/** Closed loop of CONCURRENCY clients on keep-alive connections, bounded in count and time. */
async function singleCase(
  base: string,
  headers: Record<string, string>,
  grids: Grid[],
  categories: { id: number; name: string }[],
) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const target = new URL(base);
  let sent = 0,
    failed = 0;
  const latencies: number[] = [];
  let until = 0;
  const post = (body: string) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          agent,
          host: '127.0.0.1',
          port: target.port,
          method: 'POST',
          path: '/api/cases',
          headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const rows = makeRows(2000, grids, categories, 'SC');
  const worker = async () => {
    while (sent < REQUESTS && performance.now() < until) {
      const r = rows[sent++ % rows.length]!;
      const t = performance.now();
      const status = await post(
        JSON.stringify({
          title: r.title,
          description: r.description,
          source: 'hotline',
          categoryId: r.category.id,
          lng: r.lng,
          lat: r.lat,
          reporterName: r.name,
          reporterPhone: r.phone,
        }),
      );
      latencies.push(performance.now() - t);
      if (status !== 201) failed++;
    }
  };
  // Warm-up: plans cached, pool connections open.
  for (let i = 0; i < 200; i++)
    await post(
      JSON.stringify({
        title: '预热',
        description: '预热请求',
        source: 'hotline',
        lng: rows[i]!.lng,
        lat: rows[i]!.lat,
        reporterName: '预热',
      }),
    );
  const t = performance.now();
  until = t + SECONDS * 1000;
  statements = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - t) / 1000;
  const perRequest = statements / latencies.length;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const p = (q: number) => latencies[Math.floor(q * (latencies.length - 1))]!.toFixed(1);
  console.log(
    `single case POST /api/cases: ${Math.round(latencies.length / seconds).toLocaleString()} req/s at ${CONCURRENCY} clients (${latencies.length.toLocaleString()} requests in ${seconds.toFixed(1)} s, ${failed} not 201; p50 ${p(0.5)} ms, p99 ${p(0.99)} ms; ${perRequest.toFixed(1)} statements per request, BEGIN and COMMIT included)`,
  );
}

try {
  let t = performance.now();
  await seedDemoIfEmpty(database.db, { password: 'bench', housesFor: () => false });
  console.log(`tree seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  t = performance.now();
  await generateCases(pool, BASE);
  console.log(`${BASE.toLocaleString()} cases written in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  // What autovacuum does within a minute of a street moving in (the seeded tree is one big insert):
  // statistics and the visibility map, so index-only scans work as on a running installation.
  await pool.query('vacuum analyze org_nodes, cases');
  const grids: Grid[] = (
    await pool.query(`select id, path, parent_id as "communityId", split_part(path, '/', 3)::int as "streetId", min_lng as "minLng", min_lat as "minLat", max_lng as "maxLng", max_lat as "maxLat"
    from org_nodes where level = 'grid' and geometry is not null and retired_at is null`)
  ).rows;
  const categories = (
    await pool.query(`select id, name from case_categories where parent_id is not null and active order by id`)
  ).rows;

  const app = await buildApp(createDeps({ ...readConfig({}), webDir: null }, database.db));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address() as { port: number };
  const base = `http://127.0.0.1:${address.port}`;
  const headers = await login(base, 'admin', 'bench');

  await measure('at 100k', base, headers, grids, categories);
  const now = Number((await pool.query('select count(*) from cases')).rows[0].count);
  if (GROW_TO > now) {
    t = performance.now();
    for (let left = GROW_TO - now; left > 0; left -= 100_000)
      await copyCases(makeRows(Math.min(left, 100_000), grids, categories, 'GX'));
    // As autovacuum would after 900,000 new rows (else it runs in the middle of the next measurement).
    await pool.query('vacuum analyze cases');
    console.log(
      `grown by COPY to ${GROW_TO.toLocaleString()} cases in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    await measure('at 1M  ', base, headers, grids, categories);
  }
  await singleCase(base, headers, grids, categories);
  await app.close();
} finally {
  await database.close();
  if (!process.env.BENCH_KEEP) await admin.query(`drop database ${name} with (force)`);
  else console.log(`kept database ${name}`);
  await admin.end();
}
