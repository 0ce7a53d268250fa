import { drizzle } from 'drizzle-orm/node-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp, type RouteEntry } from './app.ts';
import * as schema from './db/schema.ts';
import { createDeps } from './deps.ts';
import { readConfig } from './platform/config.ts';
import { pg } from './platform/db/pg-types.ts';
import type { Db } from './platform/db/open.ts';
import type { AppDeps } from './app-deps.ts';

// Every /api route of the assembled app (the same MODULES the server registers). Building the app reads no rows.
let app: FastifyInstance;
let deps: AppDeps;
let pool: pg.Pool;
let routes: RouteEntry[];
const key = (r: RouteEntry) => `${r.method} ${r.url}`;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: inject('databaseUrl'), max: 1 });
  deps = createDeps({ ...readConfig({}), webDir: null, seedDemo: false }, drizzle(pool, { schema }) as Db);
  app = await buildApp(deps);
  await app.ready();
  routes = app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
});
afterAll(async () => {
  deps.liveHub.close();
  await app.close();
  await pool.end();
});

describe('route census', () => {
  it('lists every route with the access decision it declares (snapshot: review changes like code)', async () => {
    const lines = routes.map((r) => `${key(r).padEnd(72)} ${r.public ? 'public' : (r.permission ?? '— MISSING')}`);
    await expect(`${[...lines].sort().join('\n')}\n`).toMatchFileSnapshot('./route-census.txt');
  });

  it('every route declares its permission (or public: true)', () => {
    const missing = routes.filter((r) => !r.public && !r.permission);
    expect(
      missing.map(
        (r) =>
          `${key(r)}: add \`config: { permission: '<module>.<decision>' }\` to the route, naming the policy.ts function that decides it (or \`config: { public: true }\` for a route without a session)`,
      ),
    ).toEqual([]);
  });

  it('every route declares a zod response schema for its success status', () => {
    const missing = routes.filter((r) => !r.responses.some((s) => /^2/.test(s)));
    expect(
      missing.map(
        (r) =>
          `${key(r)}: add \`response: { 200: <schema> }\` (201/204 as it answers) to the route's schema, with the schema in contracts/ so the web imports its type`,
      ),
    ).toEqual([]);
  });
});
