/**
 * DATABASE_READ_URL against a real streaming replica (a second PostgreSQL 15 cluster on this
 * machine, made by scripts/replica-cluster.sh): the big screen, indicators and exports read the
 * replica — shown by pausing its replay, so it lags visibly behind the primary — a session that
 * wrote reads its own writes from the primary, and an unreachable replica falls back to the primary.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import * as schema from '../../db/schema.ts';
import { freshDatabase, seedSmallDistrict, CLUSTER_PASSWORD } from '../../test/cluster/databases.ts';
import { freePort, ROOT } from '../../test/cluster/server-process.ts';
import type { SeedResult } from '../../seed/index.ts';
import { readConfig } from '../config.ts';
import { createDeps } from '../../deps.ts';
import type { Db } from './open.ts';
import { pg } from './pg-types.ts';
import { createReadRouting, parseLsn, WAL_COOKIE, type ReadRouting } from './read-replica.ts';

const primaryUrl = process.env.DATABASE_URL;
const replicaServerUrl = process.env.REPLICA_DATABASE_URL ?? (primaryUrl ? withPort(primaryUrl, 5433) : undefined);

function withPort(url: string, port: number): string {
  const u = new URL(url);
  u.port = String(port);
  return u.toString();
}
function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function replicaStreaming(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await c.connect();
    const { rows } = await c.query(`select pg_is_in_recovery() as standby`);
    return rows[0].standby === true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** The replica on 5433: already there, or made now when we may (root, the default address). */
async function ensureReplica(): Promise<string | null> {
  if (!primaryUrl || !replicaServerUrl) return '只读副本测试需要真实 PostgreSQL（设置 DATABASE_URL）';
  if (await replicaStreaming(replicaServerUrl)) return null;
  if (process.env.REPLICA_DATABASE_URL) return `REPLICA_DATABASE_URL=${replicaServerUrl} 不是可连接的流复制副本`;
  if (process.getuid?.() !== 0)
    return '127.0.0.1:5433 没有流复制副本，且非 root 无法建立（sudo scripts/replica-cluster.sh）';
  const made = spawnSync(path.join(ROOT, 'scripts/replica-cluster.sh'), { encoding: 'utf8' });
  if (made.status !== 0) return `scripts/replica-cluster.sh 失败：${made.stderr || made.stdout}`;
  return (await replicaStreaming(replicaServerUrl)) ? null : 'scripts/replica-cluster.sh 完成但副本不可用';
}

const skipReason = await ensureReplica();
if (skipReason) console.info(`[read-replica] 跳过：${skipReason}`);

type Cookies = Map<string, string>;
const cookieHeader = (c: Cookies) => [...c].map(([k, v]) => `${k}=${v}`).join('; ');

describe.skipIf(skipReason !== null)('read replica (DATABASE_READ_URL)', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let primaryPool: pg.Pool;
  let replicaAdmin: pg.Client;
  let replicaDbUrl: string;
  let app: FastifyInstance;
  let reads: ReadRouting;
  let seed: SeedResult;
  const logged: string[] = [];
  const sessions: Record<string, Cookies> = {};

  async function call(who: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
    const cookies = sessions[who]!;
    const headers: Record<string, string> = { cookie: cookieHeader(cookies) };
    if (method !== 'GET') headers['x-csrf-token'] = cookies.get('gh_csrf')!;
    const res = await app.inject({ method, url, headers, payload: payload as Record<string, unknown> | undefined });
    for (const c of res.cookies as { name: string; value: string }[]) cookies.set(c.name, c.value);
    return res;
  }
  async function login(who: string) {
    sessions[who] = new Map();
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: who, password: CLUSTER_PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(200);
    for (const c of res.cookies as { name: string; value: string }[]) sessions[who]!.set(c.name, c.value);
  }
  /** Waits until the replica has replayed everything the primary has written so far. */
  async function caughtUp() {
    const { rows } = await primaryPool.query(`select pg_current_wal_lsn() as lsn`);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const r = await replicaAdmin.query(`select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok`, [rows[0].lsn]);
      if (r.rows[0].ok) return;
      if (Date.now() > deadline) throw new Error('replica did not catch up in 30 s');
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const reportedToday = async (who: string) => {
    const res = await call(who, 'GET', '/api/analytics/bigscreen/cases');
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { data: { today: { reported: number } } }).data.today.reported;
  };
  const gridCentre = async () => {
    const grid = seed.tree.streets[0]!.communities[0]!.grids[0]!;
    const { rows } = await primaryPool.query(
      `select (min_lng + max_lng) / 2 as lng, (min_lat + max_lat) / 2 as lat from org_nodes where id = $1`,
      [grid.id],
    );
    return { lng: Number(rows[0].lng), lat: Number(rows[0].lat) };
  };
  const report = async (who: string, title: string) => {
    const res = await call(who, 'POST', '/api/cases', {
      title,
      description: `${title}，请处理`,
      ...(await gridCentre()),
    });
    expect(res.statusCode, res.body).toBe(201);
  };

  beforeAll(async () => {
    database = await freshDatabase(primaryUrl!, 'gridhive_replica');
    seed = (await seedSmallDistrict(database.url))!;
    primaryPool = new pg.Pool({ connectionString: database.url, max: 4 });
    replicaAdmin = new pg.Client({ connectionString: replicaServerUrl });
    await replicaAdmin.connect();
    await caughtUp();
    replicaDbUrl = withDatabase(replicaServerUrl!, database.name);
    const db = drizzle(primaryPool, { schema }) as Db;
    reads = createReadRouting(db, replicaDbUrl, { log: (m) => logged.push(m) });
    app = await buildApp(createDeps({ ...readConfig({}), webDir: null, seedDemo: false }, db, reads));
    for (const who of ['admin', 'secretary', 'gridworker']) await login(who);
  }, 300_000);

  afterAll(async () => {
    await replicaAdmin?.query('select pg_wal_replay_resume()').catch(() => undefined);
    await replicaAdmin?.end();
    await app?.close();
    await reads?.close();
    await primaryPool?.end();
    await database?.drop();
  });

  it('serves the big screen, indicators and exports from the replica, and a session that wrote from the primary', async () => {
    const before = await reportedToday('admin');
    const secretaryBefore = await reportedToday('secretary');
    await replicaAdmin.query('select pg_wal_replay_pause()');
    try {
      // Another session's write: the primary has it, the paused replica does not.
      await report('gridworker', '消防通道被占');
      const { rows } = await primaryPool.query(`select count(*)::int as n from cases where title = '消防通道被占'`);
      expect(rows[0].n).toBe(1);
      expect(await reportedToday('admin')).toBe(before);
      const indicators = await call(
        'admin',
        'GET',
        `/api/cases/indicators?from=${today()}&to=${today()}&groupBy=street&format=csv`,
      );
      expect(indicators.statusCode).toBe(200);
      const total = (csv: string) => Number(csv.trim().split('\r\n').at(-1)!.split(',')[1]);
      const replicaTotal = total(indicators.body);

      // The secretary writes too: her next reads see her own write (and the one before it), from the primary.
      // (Signing in wrote her session row, so she already holds a position: an older one.)
      const signedInAt = sessions.secretary!.get(WAL_COOKIE);
      await report('secretary', '楼道堆物');
      expect(parseLsn(sessions.secretary!.get(WAL_COOKIE))! > parseLsn(signedInAt)!).toBe(true);
      expect(await reportedToday('secretary')).toBe(secretaryBefore + 2);
      const ownIndicators = await call(
        'secretary',
        'GET',
        `/api/cases/indicators?from=${today()}&to=${today()}&groupBy=grid&format=csv`,
      );
      expect(total(ownIndicators.body)).toBeGreaterThanOrEqual(2);
      // …while the admin, who wrote nothing, still reads the replica.
      expect(await reportedToday('admin')).toBe(before);

      // An export streams from the replica: its connection is there, in this database.
      const exported = await call('admin', 'GET', '/api/people/houses/export?format=csv');
      expect(exported.statusCode).toBe(200);
      expect(exported.body.trim().split(/\r?\n/).length, exported.body).toBeGreaterThan(2);
      const seen = await replicaAdmin.query(
        `select count(*)::int as n from pg_stat_activity where application_name = 'gridhive-read-replica' and datname = $1`,
        [database.name],
      );
      expect(seen.rows[0].n).toBeGreaterThan(0);

      await replicaAdmin.query('select pg_wal_replay_resume()');
      await caughtUp();
      expect(await reportedToday('admin')).toBe(before + 2);
      const after = await call(
        'admin',
        'GET',
        `/api/cases/indicators?from=${today()}&to=${today()}&groupBy=street&format=csv`,
      );
      expect(total(after.body)).toBe(replicaTotal + 2);
    } finally {
      await replicaAdmin.query('select pg_wal_replay_resume()');
    }
    expect(logged).toEqual([]);
  });

  it('falls back to the primary, with a clear log line, when the replica cannot be reached', async () => {
    const closedPort = await freePort();
    const down = createReadRouting(drizzle(primaryPool, { schema }) as Db, withPort(replicaDbUrl, closedPort), {
      log: (m) => logged.push(m),
    });
    const fallbackApp = await buildApp(
      createDeps({ ...readConfig({}), webDir: null, seedDemo: false }, drizzle(primaryPool, { schema }) as Db, down),
    );
    try {
      await report('gridworker', '共享单车乱停');
      await caughtUp();
      const expected = await reportedToday('admin');
      const res = await fallbackApp.inject({
        method: 'GET',
        url: '/api/analytics/bigscreen/cases',
        headers: { cookie: cookieHeader(sessions.admin!) },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json() as { data: { today: { reported: number } } }).data.today.reported).toBe(expected);
      expect(
        logged.some((m) => m.startsWith('只读副本（DATABASE_READ_URL）不可用') && m.includes('改由主库处理')),
      ).toBe(true);
      expect(down.target).toBe('primary');
      const exported = await fallbackApp.inject({
        method: 'GET',
        url: '/api/people/houses/export?format=csv',
        headers: { cookie: cookieHeader(sessions.admin!) },
      });
      expect(exported.statusCode).toBe(200);
      expect(exported.body.trim().split(/\r?\n/).length, exported.body).toBeGreaterThan(2);
    } finally {
      await fallbackApp.close();
      await down.close();
    }
  });
});
