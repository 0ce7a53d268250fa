import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../test/test-app.ts';
import { ancestorsOf, refreshRollups } from './refresh.ts';
import { allProviders } from './registry.ts';
import { seedCases } from './test-fixture.ts';

let ctx: TestContext;
let fx: Awaited<ReturnType<typeof seedCases>>;
beforeAll(async () => { ctx = await createTestApp(); fx = await seedCases(ctx); });
afterAll(() => ctx.close());

const streetTotal = async () => (await ctx.pool.query(`select reported, closed from analytics_cohort_months where node_path = $1 and dim = 'all'`, [ctx.seed.tree.streets[0]!.path])).rows;

describe('rollup refresh', () => {
  it('adds a fact into every ancestor of its path', () => {
    expect(ancestorsOf('/1/7/42/')).toEqual(['/1/', '/1/7/', '/1/7/42/']);
  });

  it('recomputes only the months holding changed cases', async () => {
    const lastYear = `${new Date().getUTCFullYear() - 1}-06-15T04:00:00Z`;
    // A case moved into last June and changed long ago: once refreshed, later runs leave its month alone.
    await ctx.pool.query(`update cases set reported_at = $2, updated_at = now() where id = $1`, [fx.ids.d, lastYear]);
    const first = await refreshRollups(ctx.db, allProviders());
    expect(first['cases.cohort']).toBe(2);
    await ctx.pool.query(`update cases set updated_at = now() - interval '1 day' where id = $1`, [fx.ids.d]);
    await ctx.pool.query(`update analytics_refresh_marks set changes_since = now() - interval '1 hour'`);
    await ctx.pool.query(`update cases set updated_at = now() - interval '1 day'`);
    expect((await refreshRollups(ctx.db, allProviders()))['cases.cohort']).toBe(0);
  });

  it('picks up a closed case on the next run, never on the request', async () => {
    expect(await streetTotal()).toEqual([{ reported: 3, closed: 2 }]);
    await ctx.pool.query(`update cases set closed_at = now(), updated_at = now() where id = $1`, [fx.ids.b]);
    expect(await streetTotal()).toEqual([{ reported: 3, closed: 2 }]);
    expect((await refreshRollups(ctx.db, allProviders()))['cases.cohort']).toBe(1);
    expect(await streetTotal()).toEqual([{ reported: 3, closed: 3 }]);
  });
});
