import { pg } from '../platform/db/pg-types.ts';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import * as schema from '../db/schema.ts';
import { buildApp } from '../app.ts';
import { readConfig } from '../platform/config.ts';
import type { Db } from '../platform/db/open.ts';
import { createDeps } from '../deps.ts';
import type { AppDeps } from '../app-deps.ts';
import { seedDemoIfEmpty, smallFixture, type SeedResult } from '../seed/index.ts';

export const TEST_PASSWORD = 'test-pass-2026';

export interface TestContext {
  app: FastifyInstance;
  db: Db;
  pool: pg.Pool;
  seed: SeedResult;
  deps: AppDeps;
  close(): Promise<void>;
}

/**
 * A fresh app on the shared test database: every table emptied, the small slice of the
 * demo district seeded (2 streets × 2 communities), so each test file starts from the same state.
 */
export async function createTestApp(): Promise<TestContext> {
  // One connection on the embedded database, as the server itself uses (see platform/db/open.ts).
  const pool = new pg.Pool({
    connectionString: inject('databaseUrl'),
    max: inject('databaseKind') === 'embedded' ? 1 : 4,
  });
  const db = drizzle(pool, { schema }) as Db;
  const tables = await pool.query<{ tablename: string }>(`select tablename from pg_tables where schemaname = 'public'`);
  await pool.query(`truncate ${tables.rows.map((t) => `"${t.tablename}"`).join(', ')} restart identity cascade`);
  const seed = await seedDemoIfEmpty(db, { fixture: smallFixture(), password: TEST_PASSWORD, housesFor: () => true });
  if (!seed) throw new Error('测试数据库未能清空');
  const config = { ...readConfig({}), webDir: null, seedDemo: false };
  const deps = createDeps(config, db);
  const app = await buildApp(deps);
  return {
    app,
    db,
    pool,
    seed,
    deps,
    async close() {
      deps.liveHub.close();
      await app.close();
      await pool.end();
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

/** Logs in through the real endpoint and returns the headers a browser would send. */
export async function loginAs(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`登录 ${username} 失败：${res.statusCode} ${res.body}`);
  const cookies = res.cookies as { name: string; value: string }[];
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = cookies.find((c) => c.name === 'gh_csrf')!.value;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}
