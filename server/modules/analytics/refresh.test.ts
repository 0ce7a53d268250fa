import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestContext } from '../../test/test-app.ts';
import { actOk, categoryId, pointInGrid, report } from '../cases/test-helpers.ts';
import { ancestorsOf, forgetRollups, refreshRollups } from './refresh.ts';
import { allProviders } from './registry.ts';
import { seedCases } from './test-fixture.ts';

let ctx: TestContext;
let fx: Awaited<ReturnType<typeof seedCases>>;
beforeAll(async () => {
  ctx = await createTestApp();
  fx = await seedCases(ctx);
});
afterAll(() => ctx.close());

const streetTotal = async () =>
  (
    await ctx.pool.query(`select reported, closed from analytics_cohort_months where node_path = $1 and dim = 'all'`, [
      ctx.seed.tree.streets[0]!.path,
    ])
  ).rows;
/** Every rollup row, in a stable order: what the big screen can read. */
const allRows = async () =>
  (
    await ctx.pool
      .query(`select source, month, node_path, dim, key, name, reported, closed, closed_on_time, rated, satisfied
  from analytics_cohort_months order by source, month, node_path, dim, key`)
  ).rows;

describe('rollup refresh', () => {
  it('adds a fact into every ancestor of its path', () => {
    expect(ancestorsOf('/1/7/42/')).toEqual(['/1/', '/1/7/', '/1/7/42/']);
  });

  it('recounts only the leaves holding changed cases, and the one a case left when its grid is set', async () => {
    await ctx.pool.query(`update cases set updated_at = now() - interval '1 day'`);
    await ctx.pool.query(`update analytics_refresh_marks set changes_since = now() - interval '1 hour'`);
    expect((await refreshRollups(ctx.db, allProviders()))['cases.cohort']).toEqual({ months: 0, leaves: 0 });
    // Registered at the window without a place: filed under the community until 立案 names its grid.
    const staff = await loginAs(ctx.app, 'staff');
    const c = await report(ctx.app, staff, {
      title: '楼道堆物',
      description: '3幢楼道堆满杂物',
      address: '路南社区3幢',
      source: 'window',
      reporterName: '王先生',
      categoryId: fx.garbage,
    });
    const community = ctx.seed.tree.streets[0]!.communities[0]!;
    expect((await ctx.pool.query(`select scope_path from cases where id = $1`, [c.id])).rows[0].scope_path).toBe(
      community.path,
    );
    expect((await refreshRollups(ctx.db, allProviders()))['cases.cohort']).toEqual({ months: 0, leaves: 1 });
    const own = async (path: string) =>
      (
        await ctx.pool.query(
          `select coalesce(sum(reported), 0)::int as n from analytics_cohort_leaves where leaf_path = $1 and dim = 'all'`,
          [path],
        )
      ).rows[0].n;
    expect(await own(community.path)).toBe(1);
    const gridBefore = await own(fx.grid1.path);
    await actOk(ctx.app, staff, c.id, 'accept', { gridId: fx.grid1.id });
    await refreshRollups(ctx.db, allProviders());
    expect([await own(community.path), await own(fx.grid1.path)]).toEqual([0, gridBefore + 1]);
    const incremental = await allRows();
    await forgetRollups(ctx.db);
    await refreshRollups(ctx.db, allProviders());
    expect(incremental).toEqual(await allRows());
  });

  it('picks up a closed case on the next run, never on the request', async () => {
    const [before] = await streetTotal();
    await ctx.pool.query(`update cases set closed_at = now(), updated_at = now() where id = $1`, [fx.ids.b]);
    expect(await streetTotal()).toEqual([before]);
    expect((await refreshRollups(ctx.db, allProviders()))['cases.cohort']!.leaves).toBeGreaterThan(0);
    expect(await streetTotal()).toEqual([{ reported: before.reported, closed: before.closed + 1 }]);
  });

  it('ends where a rebuild from the cases ends, after reports, transitions and a reclassification', async () => {
    const street = await loginAs(ctx.app, 'street');
    // Reclassify A away from its category (garbage → parking), accept C, report a new case.
    await ctx.pool.query(`update cases set category_id = $2, updated_at = now() where id = $1`, [fx.ids.a, fx.parking]);
    await report(ctx.app, await loginAs(ctx.app, 'gridworker'), {
      title: '路灯不亮',
      description: '巷口路灯三晚不亮',
      categoryId: await categoryId(ctx, '路灯不亮'),
      ...(await pointInGrid(ctx, fx.grid1.id)),
    });
    await actOk(ctx.app, street, fx.ids.c, 'accept', {});
    await refreshRollups(ctx.db, allProviders());
    const incremental = await allRows();
    await forgetRollups(ctx.db);
    expect((await refreshRollups(ctx.db, allProviders()))['cases.cohort']!.months).toBeGreaterThan(0);
    const rebuilt = await allRows();
    const key = (r: Record<string, unknown>) => JSON.stringify(r);
    expect(incremental.filter((r) => !rebuilt.some((b) => key(b) === key(r)))).toEqual([]);
    expect(incremental).toEqual(rebuilt);
    // And running again with nothing changed changes nothing.
    await refreshRollups(ctx.db, allProviders());
    expect(await allRows()).toEqual(incremental);
  });

  it('counts each change once when two refreshers run at the same time', async () => {
    await ctx.pool.query(`update cases set closed_at = null, updated_at = now() where id = $1`, [fx.ids.b]);
    const before = (await streetTotal())[0];
    await Promise.all([
      refreshRollups(ctx.db, allProviders()),
      refreshRollups(ctx.db, allProviders()),
      refreshRollups(ctx.db, allProviders()),
    ]);
    expect(await streetTotal()).toEqual([{ reported: before.reported, closed: before.closed - 1 }]);
    const rebuilt = await allRows();
    await forgetRollups(ctx.db);
    await refreshRollups(ctx.db, allProviders());
    expect(await allRows()).toEqual(rebuilt);
  });
});
