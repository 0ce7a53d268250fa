import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { createTestApp, type TestContext } from '../../test/test-app.ts';
import { createDeps } from '../../deps.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => {
  await ctx.close();
});

describe('health probes', () => {
  it('answer /healthz and /readyz without a session', async () => {
    expect((await ctx.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await ctx.app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });

  it('report not ready while a committed migration is not applied', async () => {
    const { rows } = await ctx.pool.query(
      'select id, hash, created_at from drizzle.__drizzle_migrations order by id desc limit 1',
    );
    await ctx.pool.query('delete from drizzle.__drizzle_migrations where id = $1', [rows[0].id]);
    try {
      const res = await ctx.app.inject({ url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json().reason).toContain('foundation');
    } finally {
      await ctx.pool.query('insert into drizzle.__drizzle_migrations (id, hash, created_at) values ($1, $2, $3)', [
        rows[0].id,
        rows[0].hash,
        rows[0].created_at,
      ]);
    }
    expect((await ctx.app.inject({ url: '/readyz' })).statusCode).toBe(200);
  });

  it('report not ready, with the reason, while the instance warms up, and ready once it is warm', async () => {
    let warmingUp: string | null = '正在预训练分类建议模型，稍后就绪';
    const deps = createDeps(ctx.deps.config, ctx.db);
    const app = await buildApp(deps, { warmingUp: () => warmingUp });
    try {
      const cold = await app.inject({ url: '/readyz' });
      expect(cold.statusCode).toBe(503);
      expect(cold.json().reason).toContain('分类建议模型');
      expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
      warmingUp = null;
      expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200);
    } finally {
      deps.liveHub.close();
      await app.close();
    }
  });
});

describe('GET /metrics', () => {
  it('reports request latency by route pattern, the job queue and the pool', async () => {
    await ctx.app.inject({ url: '/api/org/nodes/123' });
    await ctx.pool.query(
      `insert into jobs (kind, state, run_at) values ('metrics.test', 'queued', now() - interval '90 seconds')`,
    );
    const text = (await ctx.app.inject({ url: '/metrics' })).body;
    expect(text).toMatch(
      /gridhive_http_request_duration_seconds_count\{method="GET",route="\/api\/org\/nodes\/:id",status="401"\} 1/,
    );
    expect(text).toMatch(/gridhive_jobs_queued\{kind="metrics.test",state="queued"\} 1/);
    const age = Number(/^gridhive_jobs_oldest_due_seconds (\S+)$/m.exec(text)![1]);
    expect(age).toBeGreaterThanOrEqual(89);
    expect(text).toMatch(/gridhive_db_pool_connections\{state="total"\} \d+/);
    await ctx.pool.query(`delete from jobs where kind = 'metrics.test'`);
  });

  it('asks for the scraper token when one is configured', async () => {
    const deps = createDeps({ ...ctx.deps.config, metricsToken: 'scrape-secret' }, ctx.db);
    const app = await buildApp(deps);
    try {
      expect((await app.inject({ url: '/metrics' })).statusCode).toBe(401);
      expect(
        (await app.inject({ url: '/metrics', headers: { authorization: 'Bearer scrape-secret' } })).statusCode,
      ).toBe(200);
    } finally {
      deps.liveHub.close();
      await app.close();
    }
  });
});
