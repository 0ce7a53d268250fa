/**
 * Two instances behind haproxy against one: `npm run bench:cluster` (DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres; haproxy installed). Seeds the tests' small district
 * into its own gridhive_bench_cluster_* database (dropped afterwards), then runs the same mixed
 * load — a secretary's inbox, the big screen and /api/me (reads), grid workers reporting cases
 * (writes, BENCH_WRITE_SHARE, default 0.2) — from BENCH_CLIENTS (default 8) concurrent clients,
 * each waiting for its answer before the next request, for BENCH_SECONDS (default 120) each:
 * first against instance A alone, then through haproxy (round-robin) to A and B. Traffic goes to
 * 127.0.0.1 only; each setup is warmed up first for BENCH_WARMUP_SECONDS (default 10). Prints requests, errors (non-2xx and failed connections), throughput and
 * p50/p99 per kind and overall.
 */
import { percentile } from './lib/stats.ts';
import { pg } from '../server/platform/db/pg-types.ts';
import { freshDatabase, seedSmallDistrict } from '../server/test/cluster/databases.ts';
import { haproxyAvailable, startHaproxy } from '../server/test/cluster/haproxy.ts';
import { HttpClient } from '../server/test/cluster/http-client.ts';
import { startServerProcess, type ServerProcess } from '../server/test/cluster/server-process.ts';

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SECONDS = Math.min(Number(process.env.BENCH_SECONDS ?? 120), 600);
const CLIENTS = Math.min(Number(process.env.BENCH_CLIENTS ?? 8), 64);
const WRITE_SHARE = Math.min(Math.max(Number(process.env.BENCH_WRITE_SHARE ?? 0.2), 0), 1);
/** Unmeasured load first on each setup: cold caches and JIT would otherwise count against the first. */
const WARMUP_SECONDS = Math.min(Number(process.env.BENCH_WARMUP_SECONDS ?? 10), 120);

type Kind = 'read' | 'write';
interface Sample {
  kind: Kind;
  ms: number;
  ok: boolean;
}

async function runLoad(baseUrl: string, pin: { lng: number; lat: number }, seconds = SECONDS): Promise<Sample[]> {
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(baseUrl))
    throw new Error(`bench traffic goes to 127.0.0.1 only, not ${baseUrl}`);
  const samples: Sample[] = [];
  const stopAt = Date.now() + seconds * 1000;
  const reads = ['/api/cases?pageSize=20', '/api/analytics/bigscreen/cases', '/api/me'];
  const client = async (n: number) => {
    const reader = new HttpClient(baseUrl);
    const writer = new HttpClient(baseUrl);
    await reader.login('secretary');
    await writer.login('gridworker');
    for (let i = 0; Date.now() < stopAt; i++) {
      const kind: Kind = Math.random() < WRITE_SHARE ? 'write' : 'read';
      const t = performance.now();
      let ok = false;
      try {
        const res =
          kind === 'write'
            ? await writer.request('POST', '/api/cases', {
                title: `压测 ${n}-${i}`,
                description: '压测上报的案件',
                ...pin,
              })
            : await reader.request('GET', reads[i % reads.length]!);
        ok = res.status >= 200 && res.status < 300;
      } catch {
        ok = false;
      }
      samples.push({ kind, ms: performance.now() - t, ok });
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
  return samples;
}

function summarise(label: string, samples: Sample[]): string[] {
  const line = (name: string, s: Sample[]) => {
    const ms = s.map((x) => x.ms);
    const errors = s.filter((x) => !x.ok).length;
    return `${label.padEnd(22)} ${name.padEnd(6)} ${String(s.length).padStart(7)} ${String(errors).padStart(6)} ${(s.length / SECONDS).toFixed(1).padStart(8)} ${percentile(ms, 0.5).toFixed(1).padStart(8)} ${percentile(ms, 0.99).toFixed(1).padStart(8)}`;
  };
  return [
    line('all', samples),
    line(
      'read',
      samples.filter((s) => s.kind === 'read'),
    ),
    line(
      'write',
      samples.filter((s) => s.kind === 'write'),
    ),
  ];
}

if (!haproxyAvailable()) {
  console.error('需要 haproxy：apt-get install haproxy');
  process.exit(1);
}
const database = await freshDatabase(serverUrl, 'gridhive_bench_cluster');
const servers: ServerProcess[] = [];
let stopBalancer = async () => {};
try {
  const seed = (await seedSmallDistrict(database.url))!;
  const pool = new pg.Pool({ connectionString: database.url, max: 1 });
  const grid = seed.tree.streets[0]!.communities[0]!.grids[0]!;
  const { rows } = await pool.query(
    `select (min_lng + max_lng) / 2 as lng, (min_lat + max_lat) / 2 as lat from org_nodes where id = $1`,
    [grid.id],
  );
  await pool.end();
  const pin = { lng: Number(rows[0].lng), lat: Number(rows[0].lat) };
  const env = { DATABASE_URL: database.url, GH_TRUSTED_PROXIES: '127.0.0.1' };
  console.log(`${CLIENTS} 个并发客户端，每段 ${SECONDS} 秒，写入占 ${(WRITE_SHARE * 100).toFixed(0)}%`);

  const a = await startServerProcess({ name: 'A', env });
  servers.push(a);
  await runLoad(a.baseUrl, pin, WARMUP_SECONDS);
  const single = await runLoad(a.baseUrl, pin);
  const b = await startServerProcess({ name: 'B', env });
  servers.push(b);
  const lb = await startHaproxy([
    { name: 'a', port: a.port },
    { name: 'b', port: b.port },
  ]);
  stopBalancer = lb.stop;
  await runLoad(lb.baseUrl, pin, WARMUP_SECONDS);
  const pair = await runLoad(lb.baseUrl, pin);

  console.log(
    `\n${'setup'.padEnd(22)} ${'kind'.padEnd(6)} ${'reqs'.padStart(7)} ${'errors'.padStart(6)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`,
  );
  for (const l of [...summarise('one instance', single), ...summarise('haproxy → 2 instances', pair)]) console.log(l);
} finally {
  await stopBalancer();
  await Promise.all(servers.map((s) => s.stop(10_000)));
  await database.drop();
}
