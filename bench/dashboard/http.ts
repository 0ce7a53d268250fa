import { drizzle } from 'drizzle-orm/node-postgres';
import type { pg } from '../../server/platform/db/pg-types.ts';
import * as schema from '../../server/db/schema.ts';
import { buildApp } from '../../server/app.ts';
import { hashPassword } from '../../server/platform/auth/passwords.ts';
import { readConfig } from '../../server/platform/config.ts';
import type { Db } from '../../server/platform/db/open.ts';
import { createDeps } from '../../server/deps.ts';

/**
 * The big screen as a browser loads it: a street admin signed in through POST /api/auth/login,
 * then both endpoints at once with the session cookie (session read, scope check, zod
 * serialisation and all). Returns a function that loads the screen once, and a closer.
 */
export async function bigscreenOverHttp(
  pool: pg.Pool,
  streetId: number,
): Promise<{ load(): Promise<void>; close(): Promise<void> }> {
  const password = 'bench-street-2026';
  await pool.query(
    `insert into users (username, display_name, password_hash, role, scope_node_id) values ('bench_street', '街道管理员', $1, 'street_admin', $2)
    on conflict (username) do update set password_hash = excluded.password_hash`,
    [await hashPassword(password), streetId],
  );
  const db = drizzle(pool, { schema }) as unknown as Db;
  const deps = createDeps({ ...readConfig({}), webDir: null, seedDemo: false }, db);
  const app = await buildApp(deps);
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'bench_street', password },
  });
  if (login.statusCode !== 200) throw new Error(`登录失败：${login.statusCode} ${login.body}`);
  const headers = { cookie: login.cookies.map((c) => `${c.name}=${c.value}`).join('; ') };
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url, headers });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  };
  return {
    load: async () => {
      await Promise.all([
        get(`/api/analytics/bigscreen/base?nodeId=${streetId}`),
        get(`/api/analytics/bigscreen/cases?nodeId=${streetId}`),
      ]);
    },
    close: async () => {
      deps.liveHub.close();
      await app.close();
    },
  };
}
