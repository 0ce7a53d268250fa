import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, TEST_PASSWORD, type Session, type TestContext } from '../../test/test-app.ts';
import { ensurePeriodicJob, enqueueJob } from '../../platform/jobs/queue.ts';
import { seedDemoIfEmpty, smallFixture } from '../../seed/index.ts';
import { actOk, categoryId, pointInGrid, report } from '../cases/test-helpers.ts';
import { jobHandlers, MODULES, startJobWorkers } from '../index.ts';
import { periodsAt } from './periods.ts';

/**
 * The big screen's month figures on a fresh start and after a change: seeded with a year of
 * cases, they must be there before any job has run, and follow a transition within 10 s with the
 * server's own workers running — even while a long job occupies the shared queue.
 */
let ctx: TestContext;
let street: Session;

beforeAll(async () => {
  ctx = await createTestApp();
  // Reseed with history: a year of cases in both streets, as `npm start` does on first start.
  const tables = await ctx.pool.query<{ tablename: string }>(
    `select tablename from pg_tables where schemaname = 'public'`,
  );
  await ctx.pool.query(`truncate ${tables.rows.map((t) => `"${t.tablename}"`).join(', ')} restart identity cascade`);
  const seeded = await seedDemoIfEmpty(ctx.db, {
    fixture: smallFixture(),
    password: TEST_PASSWORD,
    housesFor: () => false,
    casesPerStreet: () => 300,
  });
  ctx.seed = seeded!;
  street = await loginAs(ctx.app, 'street');
});
afterAll(() => ctx.close());

const panel = async (s: Session) => {
  const res = await ctx.app.inject({ method: 'GET', url: '/api/analytics/bigscreen/cases', headers: s.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data;
};

/** Cases per Shanghai month under a path, straight from the cases table. */
async function countsByMonth(path: string): Promise<Map<string, { reported: number; closed: number }>> {
  const { rows } = await ctx.pool.query(
    `select to_char(reported_at at time zone 'Asia/Shanghai', 'YYYY-MM') as m, count(*)::int as reported,
      count(*) filter (where closed_at is not null)::int as closed from cases where scope_path like $1 group by 1`,
    [`${path}%`],
  );
  return new Map(rows.map((r) => [r.m, { reported: r.reported, closed: r.closed }]));
}

describe('big-screen freshness', () => {
  it('shows the seeded month and the 12-month trend before any refresh job has run', async () => {
    const {
      rows: [jobs],
    } = await ctx.pool.query(`select count(*)::int as n from jobs`);
    expect(jobs.n).toBe(0);
    const data = await panel(street);
    const counts = await countsByMonth(ctx.seed.tree.streets[0]!.path);
    const month = periodsAt(new Date()).month;
    expect(counts.get(month)?.reported ?? 0).toBeGreaterThan(0);
    expect(data.thisMonth.reported).toBe(counts.get(month)!.reported);
    expect(data.thisMonth.closed).toBe(counts.get(month)!.closed);
    expect(data.thisMonth.byState.reduce((n: number, s: { value: number }) => n + s.value, 0)).toBe(
      counts.get(month)!.reported,
    );
    expect(data.trend.map((t: { key: string; reported: number }) => [t.key, t.reported])).toEqual(
      data.trend.map((t: { key: string }) => [t.key, counts.get(t.key)?.reported ?? 0]),
    );
  });

  it('reflects a transition within 10 s with the server workers running, a long job in the shared queue', async () => {
    // What main.ts does: every periodic job ensured, the shared worker plus the own-worker lanes.
    for (const p of MODULES.flatMap((m) => m.periodic ?? []).filter((p) => p.ownWorker))
      await ensurePeriodicJob(ctx.db, p.kind, p.everySeconds);
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const handlers = {
      ...jobHandlers(ctx.deps),
      'test.long': async () => {
        await held;
      },
    };
    await enqueueJob(ctx.db, 'test.long', {});
    const errors: unknown[] = [];
    const workers = startJobWorkers(ctx.db, handlers, (e) => errors.push(e));
    try {
      const gridworker = await loginAs(ctx.app, 'gridworker');
      const secretary = await loginAs(ctx.app, 'secretary');
      const before = await panel(street);
      const accepted = (d: { thisMonth: { byState: { key: string; value: number }[] } }) =>
        d.thisMonth.byState.find((s) => s.key === 'accepted')?.value ?? 0;
      const c = await report(ctx.app, gridworker, {
        title: '垃圾堆放',
        description: '楼下垃圾三天无人清运',
        categoryId: await categoryId(ctx, '暴露垃圾'),
        ...(await pointInGrid(ctx, ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!.id)),
      });
      await actOk(ctx.app, secretary, c.id, 'accept');
      const transitioned = Date.now();
      let seen: { reported: number; accepted: number } | null = null;
      while (Date.now() - transitioned < 12_000) {
        const d = await panel(street);
        if (d.thisMonth.reported === before.thisMonth.reported + 1 && accepted(d) === accepted(before) + 1) {
          seen = { reported: d.thisMonth.reported, accepted: accepted(d) };
          break;
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      const lag = Date.now() - transitioned;
      expect(seen, `month panel still behind after ${lag} ms`).not.toBeNull();
      expect(lag).toBeLessThanOrEqual(10_000);
      // The long job was still holding the shared worker all along.
      const {
        rows: [long],
      } = await ctx.pool.query(`select state from jobs where kind = 'test.long'`);
      expect(long.state).toBe('running');
    } finally {
      release();
      await workers.stop();
    }
    expect(errors).toEqual([]);
  });
});
