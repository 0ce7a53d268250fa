import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { drizzle } from 'drizzle-orm/node-postgres';
import { inject } from 'vitest';
import { pg } from '../db/pg-types.ts';
import type { Db } from '../db/open.ts';
import type { Actor } from '../auth/actor.ts';
import * as schema from '../../db/schema.ts';
import { createTestApp, type TestContext } from '../../test/test-app.ts';
import { publishLive } from './events.ts';
import { createLiveHub, type Subscriber } from './hub.ts';
import type { LiveRow } from './outbox.ts';

const onPglite = inject('databaseKind') === 'embedded';
const staff: Actor = {
  userId: 1,
  username: 's',
  displayName: 's',
  role: 'community_staff',
  scopeNodeId: 1,
  scopePath: '/',
  departmentId: null,
  restriction: null,
};
const event = (n: string) => ({ topic: 'case.changed', scopePath: '/1/', payload: { n } });

function listen(extra: Partial<Subscriber> = {}) {
  const got: LiveRow[] = [];
  let started = false;
  const subscriber: Subscriber = {
    actor: staff,
    start() {
      started = true;
    },
    send(row) {
      got.push(row);
    },
    ...extra,
  };
  return { got, subscriber, names: () => got.map((r) => r.payload.n), started: () => started };
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<number> {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`${timeoutMs} ms 内未满足条件`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return Date.now() - t0;
}

describe('live hub reads the outbox without gaps', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => {
    await ctx.close();
  });

  it.skipIf(onPglite)(
    'delivers both events exactly once when the later id commits first (PGlite: one session runs one transaction at a time, they cannot interleave)',
    async () => {
      const hub = createLiveHub(ctx.db, { pollMs: 60_000, listen: false });
      const sub = listen();
      hub.subscribe(sub.subscriber);
      await waitFor(sub.started, 5_000);
      const a = await ctx.pool.connect();
      const b = await ctx.pool.connect();
      try {
        await a.query('begin');
        await publishLive(drizzle(a, { schema }) as unknown as Db, event('A'));
        await b.query('begin');
        await publishLive(drizzle(b, { schema }) as unknown as Db, event('B'));
        await b.query('commit');
        await hub.poll();
        // B's row is visible, but A (older) is still open: reading past B now would skip A for good.
        expect(sub.names()).toEqual([]);
        await a.query('commit');
        await hub.poll();
        await hub.poll();
        expect(sub.names()).toEqual(['A', 'B']);
      } finally {
        a.release();
        b.release();
        hub.close();
      }
    },
  );

  it('delivers events of consecutive transactions in order, each once', async () => {
    const hub = createLiveHub(ctx.db, { pollMs: 60_000, listen: false });
    const sub = listen();
    hub.subscribe(sub.subscriber);
    await waitFor(sub.started, 5_000);
    for (const n of ['1', '2', '3']) await ctx.db.transaction((tx) => publishLive(tx, event(n)));
    await hub.poll();
    await hub.poll();
    expect(sub.names()).toEqual(['1', '2', '3']);
    hub.close();
  });

  it.skipIf(onPglite)(
    'reaches a hub on another pool within a second through NOTIFY, its poll being a minute (PGlite: LISTEN/NOTIFY does not cross pglite-socket)',
    async () => {
      const otherPool = new pg.Pool({ connectionString: inject('databaseUrl'), max: 2 });
      const hub = createLiveHub(drizzle(otherPool, { schema }) as Db, { pollMs: 60_000 });
      const sub = listen();
      hub.subscribe(sub.subscriber);
      try {
        await waitFor(sub.started, 5_000);
        await new Promise((r) => setTimeout(r, 300)); // the LISTEN connection opens beside the pool
        const t0 = Date.now();
        await ctx.db.transaction((tx) => publishLive(tx, event('notified')));
        await waitFor(() => sub.names().includes('notified'), 1_000);
        expect(Date.now() - t0).toBeLessThan(1_000);
        expect(sub.names()).toEqual(['notified']);
      } finally {
        hub.close();
        await otherPool.end();
      }
    },
  );

  it('logs read errors and reports degraded while the database is unreachable', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const deadPool = new pg.Pool({
      connectionString: 'postgres://postgres@127.0.0.1:1/none',
      connectionTimeoutMillis: 500,
    });
    deadPool.on('error', () => undefined);
    const hub = createLiveHub(drizzle(deadPool, { schema }) as Db, { pollMs: 50 });
    const states: boolean[] = [];
    hub.subscribe(listen({ status: (d) => states.push(d) }).subscriber);
    try {
      await waitFor(() => states.includes(true), 5_000);
      expect(hub.degraded).toBe(true);
      expect(errors.mock.calls.some((c) => String(c[0]).includes('读取实时事件失败'))).toBe(true);
      // Rate-limited: far fewer lines than failed polls.
      await new Promise((r) => setTimeout(r, 300));
      expect(errors.mock.calls.filter((c) => String(c[0]).includes('读取实时事件失败')).length).toBe(1);
    } finally {
      hub.close();
      errors.mockRestore();
      await deadPool.end();
    }
  });
});
