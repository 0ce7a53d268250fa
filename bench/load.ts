/**
 * Load: 200 signed-in sessions of several roles using the real server on real PostgreSQL at once,
 * reading and writing, for 2 minutes. `npm run bench:load`
 *
 * Starts `server/main.ts` as its own process on 127.0.0.1 (a free port, no web build served) against
 * a fresh database gridhive_bench_load_<pid> on DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres) with the demo district seeded, waits for /readyz 200
 * as a load balancer would (the instance trains its first suggestion model first), signs in the sessions
 * (one login each, so 200 distinct sessions and CSRF tokens), then every session loops: pick a request
 * by its role's mix, send it, wait a think time, again — until the duration ends. Traffic goes to
 * 127.0.0.1 only; every request has a 10 s timeout, and at most BENCH_MAX_REQUESTS are sent.
 * Prints requests, errors (non-2xx, timeouts, refused) and p50/p99 per kind and overall.
 *
 * Environment: BENCH_SESSIONS (200), BENCH_SECONDS (120), BENCH_THINK_MS (mean pause between one
 * session's requests, 1000; uniformly 0.5–1.5× of it; 0 = closed loop, every session back-to-back),
 * BENCH_MAX_REQUESTS (1,000,000), BENCH_KEEP=1 keeps the database, BENCH_DB=<name> reuses a kept one
 * (no seeding), BENCH_SERVER_NODE_ARGS (extra Node flags for the server process, e.g. --cpu-prof).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { pg } from '../server/platform/db/pg-types.ts';
import { DEMO_MIX, type Kind, type Session, type Step } from './load/mix.ts';
import { percentile } from './lib/stats.ts';

const env = (name: string, fallback: number) => {
  const raw = process.env[name];
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return n;
};
const SESSIONS = env('BENCH_SESSIONS', 200);
const SECONDS = env('BENCH_SECONDS', 120);
const THINK_MS = env('BENCH_THINK_MS', 1000);
const MAX_REQUESTS = env('BENCH_MAX_REQUESTS', 1_000_000);
const TIMEOUT_MS = 10_000;
const PASSWORD = 'gridhive2026';
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const reuse = process.env.BENCH_DB;
const keep = process.env.BENCH_KEEP === '1' || Boolean(reuse);
const dbName = reuse ?? `gridhive_bench_load_${process.pid}`;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
      .listen(0, '127.0.0.1', () => {
        const port = (s.address() as { port: number }).port;
        s.close(() => resolve(port));
      })
      .on('error', reject);
  });
}

/** Starts the server and resolves once it listens (its own "已启动" line), or rejects with its output. */
async function startServer(databaseUrl: string, port: number): Promise<ChildProcess> {
  // BENCH_SERVER_NODE_ARGS: extra Node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to see its stalls.
  const extra = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      WEB_DIR: '',
      GH_DEMO_PASSWORD: PASSWORD,
      LOG_LEVEL: undefined,
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('已启动')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
  child.stdout!.removeAllListeners('data');
  // Keep the pipes drained; print server errors, they explain bench errors.
  child.stdout!.resume();
  child.stderr!.on('data', (c: Buffer) => process.stderr.write(`[server] ${c.toString()}`));
  return child;
}

/** Resolves once /readyz answers 200: a balancer sends an instance no traffic before (it warms up first). */
async function untilReady(base: string): Promise<void> {
  const deadline = performance.now() + 180_000;
  for (;;) {
    const res = await fetch(`${base}/readyz`).catch(() => null);
    if (res?.ok) return;
    if (performance.now() > deadline) throw new Error(`${base}/readyz never answered 200: ${await res?.text()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** CPU seconds (user + system) the process has used so far, from /proc (Linux). */
async function cpuSeconds(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

interface Sample {
  kind: Kind;
  /** When the request was sent (performance.now()). */
  at: number;
  ms: number;
  ok: boolean;
  status: number;
}

async function main() {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  if (!reuse) await admin.query(`create database ${dbName}`);
  const target = new URL(serverUrl);
  target.pathname = `/${dbName}`;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let server: ChildProcess | null = null;
  try {
    let t = performance.now();
    server = await startServer(target.toString(), port);
    const listening = performance.now() - t;
    await untilReady(base);
    console.log(
      `server on ${base} (PostgreSQL database ${dbName}${reuse ? ', reused' : ', demo district seeded'}) listening in ${(listening / 1000).toFixed(0)} s, ready (/readyz 200, as a balancer waits for) in ${((performance.now() - t) / 1000).toFixed(0)} s`,
    );

    let sent = 0;
    const samples: Sample[] = [];
    const errors = new Map<string, number>();
    const request = async (
      session: Session | null,
      kind: Kind,
      method: string,
      path: string,
      body?: unknown,
    ): Promise<Response | null> => {
      sent++;
      const started = performance.now();
      let status = 0;
      try {
        const res = await fetch(base + path, {
          method,
          headers: {
            ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        status = res.status;
        // The body is part of the response time: a client has not got its answer until it is read.
        const text = await res.text();
        const ms = performance.now() - started;
        const ok = res.ok;
        samples.push({ kind, at: started, ms, ok, status });
        if (!ok)
          errors.set(
            `${kind} ${status} ${text.slice(0, 120)}`,
            (errors.get(`${kind} ${status} ${text.slice(0, 120)}`) ?? 0) + 1,
          );
        return ok ? new Response(status === 204 ? null : text, { status, headers: res.headers }) : null;
      } catch (error) {
        samples.push({ kind, at: started, ms: performance.now() - started, ok: false, status });
        const key = `${kind} ${(error as Error).name}: ${(error as Error).message}`;
        errors.set(key, (errors.get(key) ?? 0) + 1);
        return null;
      }
    };

    // Sign in: one login per session, a few at a time (argon2id verification is deliberately slow).
    t = performance.now();
    const roster = Array.from({ length: SESSIONS }, (_, i) => DEMO_MIX.pick(i, SESSIONS));
    const sessions: Session[] = [];
    for (let i = 0; i < roster.length; i += 8) {
      const batch = await Promise.all(
        roster.slice(i, i + 8).map(async (username) => {
          const res = await request(null, 'login', 'POST', '/api/auth/login', { username, password: PASSWORD });
          if (!res) throw new Error(`login ${username} failed: ${[...errors.keys()].at(-1)}`);
          const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
          const csrf = cookies.find((c) => c.startsWith('gh_csrf='))!.slice('gh_csrf='.length);
          const me = (await res.json()) as { data: { id: number; role: string } };
          return { username, role: me.data.role, cookie: cookies.join('; '), csrf, state: {} } satisfies Session;
        }),
      );
      sessions.push(...batch);
    }
    const roles = new Map<string, number>();
    for (const s of sessions) roles.set(s.username, (roles.get(s.username) ?? 0) + 1);
    console.log(
      `${sessions.length} sessions signed in in ${((performance.now() - t) / 1000).toFixed(1)} s: ${[...roles].map(([u, n]) => `${u} ${n}`).join(', ')}`,
    );
    samples.length = 0; // logins are not part of the measured mix

    const startedAt = performance.now();
    const cpuAtStart = await cpuSeconds(server.pid!);
    const deadline = startedAt + SECONDS * 1000;
    const think = () => (THINK_MS ? THINK_MS * (0.5 + Math.random()) : 0);
    await Promise.all(
      sessions.map(async (session, i) => {
        // Spread the first requests over one think time, as users do not all click at the same instant.
        await new Promise((r) => setTimeout(r, (THINK_MS || 0) * (i / sessions.length)));
        while (performance.now() < deadline && sent < MAX_REQUESTS) {
          const step: Step = DEMO_MIX.next(session);
          const res = await request(session, step.kind, step.method, step.path, step.body);
          if (res && step.after) step.after(session, await res.json());
          const pause = think();
          if (pause) await new Promise((r) => setTimeout(r, pause));
        }
      }),
    );
    const elapsed = (performance.now() - startedAt) / 1000;
    const serverCpu = (await cpuSeconds(server.pid!)) - cpuAtStart;
    // The figures mean little without the machine's state: server, database and this client share it.
    console.log(
      `machine: ${availableParallelism()} CPUs, load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' / ')} (1 / 5 / 15 min) at the end`,
    );
    // What the server process itself spent per request: with its own cores one Node process serves at most ~1000 / this per second.
    console.log(
      `server process CPU: ${serverCpu.toFixed(1)} s over ${elapsed.toFixed(0)} s (${((100 * serverCpu) / elapsed).toFixed(0)} % of one core), ${((1000 * serverCpu) / Math.max(samples.length, 1)).toFixed(1)} ms per request`,
    );

    const fmt = (ms: number) => `${ms.toFixed(1)} ms`.padStart(10);
    const line = (name: string, xs: Sample[]) => {
      const ms = xs.map((x) => x.ms).sort((a, b) => a - b);
      const bad = xs.filter((x) => !x.ok).length;
      return `  ${name.padEnd(22)}${String(xs.length).padStart(8)}${String(bad).padStart(8)}${fmt(percentile(ms, 0.5))}${fmt(percentile(ms, 0.99))}${fmt(ms.at(-1) ?? 0)}`;
    };
    console.log(
      `\n${sessions.length} sessions, ${elapsed.toFixed(0)} s, think time ${THINK_MS ? `${THINK_MS * 0.5}–${THINK_MS * 1.5} ms` : 'none (closed loop)'}: ${samples.length} requests (${(samples.length / elapsed).toFixed(0)}/s)`,
    );
    console.log(
      `  ${'kind'.padEnd(22)}${'requests'.padStart(8)}${'errors'.padStart(8)}${'p50'.padStart(10)}${'p99'.padStart(10)}${'max'.padStart(10)}`,
    );
    const kinds = [...new Set(samples.map((s) => s.kind))].sort();
    for (const k of kinds)
      console.log(
        line(
          k,
          samples.filter((s) => s.kind === k),
        ),
      );
    console.log(line('overall', samples));
    // When the slow answers happened: a stall at start (training, first queries) reads differently from one every minute.
    const windows = new Map<number, Sample[]>();
    for (const x of samples) {
      const w = Math.floor((x.at - startedAt) / 10_000);
      const window = windows.get(w);
      if (window) window.push(x);
      else windows.set(w, [x]);
    }
    console.log(
      `  p99 per 10 s: ${[...windows]
        .sort((a, b) => a[0] - b[0])
        .map(([, xs]) =>
          percentile(
            xs.map((x) => x.ms).sort((a, b) => a - b),
            0.99,
          ).toFixed(0),
        )
        .join(' · ')} ms`,
    );
    const reads = samples.filter((s) => !DEMO_MIX.writes.has(s.kind));
    const writes = samples.filter((s) => DEMO_MIX.writes.has(s.kind));
    console.log(line('all reads', reads));
    console.log(line('all writes', writes));
    if (errors.size) {
      console.log('errors:');
      for (const [k, n] of [...errors].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${n} × ${k}`);
    }
    const p99 = percentile(
      samples.map((x) => x.ms).sort((a, b) => a - b),
      0.99,
    );
    const failed = samples.filter((s) => !s.ok).length;
    console.log(
      `\ngoal: 0 errors, overall p99 ≤ 200 ms → ${failed === 0 && p99 <= 200 ? 'met' : 'MISSED'} (${failed} errors, p99 ${p99.toFixed(1)} ms)`,
    );
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once('exit', r));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    if (!keep) await admin.query(`drop database if exists ${dbName} with (force)`);
    else console.log(`kept database ${dbName} (BENCH_DB=${dbName} reuses it)`);
    await admin.end();
  }
}

await main();
