import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestContext } from '../../test/test-app.ts';
import { caseIndicators } from '../cases/indicators.ts';
import { seedCases } from './test-fixture.ts';
import { periodsAt } from './periods.ts';

let ctx: TestContext;
let fx: Awaited<ReturnType<typeof seedCases>>;

beforeAll(async () => {
  ctx = await createTestApp();
  fx = await seedCases(ctx);
});
afterAll(() => ctx.close());

async function get(username: string, url: string) {
  const s = await loginAs(ctx.app, username);
  const res = await ctx.app.inject({ method: 'GET', url, headers: s.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data;
}

const bySlice = (slices: { key: string; value: number }[]) => Object.fromEntries(slices.map((s) => [s.key, s.value]));

describe('street big screen case panels', () => {
  it('counts today and this month by state for the street only', async () => {
    const data = await get('street', '/api/analytics/bigscreen/cases');
    expect(data.today.reported).toBe(3);
    // A and C were marked closed in SQL without a state change: state stays as the API left it.
    expect(bySlice(data.today.byState)).toEqual({ reported: 2, accepted: 1 });
    expect(bySlice(data.thisMonth.byState)).toEqual({ reported: 2, accepted: 1 });
    expect(data.thisMonth).toMatchObject({ reported: 3, closed: 2, onTimeCloseRate: 50, satisfactionRate: 50 });
  });

  it('ranks the top categories by cases reported this month', async () => {
    const data = await get('street', '/api/analytics/bigscreen/cases');
    const { rows } = await ctx.pool.query(
      `select coalesce(p.name, k.name) as name, k.id from case_categories k left join case_categories p on p.id = k.parent_id where k.id in ($1, $2)`,
      [fx.garbage, fx.parking],
    );
    const nameOf = (id: number) => rows.find((r) => r.id === id).name;
    expect(data.topCategories.map((c: { name: string; value: number }) => [c.name, c.value])).toEqual(
      nameOf(fx.garbage) === nameOf(fx.parking)
        ? [[nameOf(fx.garbage), 3]]
        : [
            [nameOf(fx.garbage), 2],
            [nameOf(fx.parking), 1],
          ],
    );
  });

  it('puts this month last in a 12-month trend', async () => {
    const data = await get('street', '/api/analytics/bigscreen/cases');
    expect(data.trend).toHaveLength(12);
    expect(data.trend[11]).toMatchObject({ key: periodsAt(new Date()).month, reported: 3, closed: 2 });
    expect(data.trend.slice(0, 11).every((t: { reported: number }) => t.reported === 0)).toBe(true);
  });

  it('gives the same rates as the cases module indicators for the same cohort', async () => {
    const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const street = ctx.seed.tree.streets[0]!;
    const { totals } = await caseIndicators(
      ctx.db,
      { scopePath: street.path, from: `${day.slice(0, 8)}01`, to: day },
      'street',
    );
    const data = await get('street', '/api/analytics/bigscreen/cases');
    expect([data.thisMonth.onTimeCloseRate, data.thisMonth.satisfactionRate]).toEqual([
      totals.onTimeCloseRate,
      totals.satisfactionRate,
    ]);
  });

  it('lists no overdue case while every deadline is ahead', async () => {
    await ctx.pool.query(`update cases set due_at = now() - interval '1 hour' where id = $1`, [fx.ids.b]);
    const data = await get('street', '/api/analytics/bigscreen/cases');
    expect(data.overdue.map((o: { id: number }) => o.id)).toEqual([fx.ids.b]);
    await ctx.pool.query(`update cases set due_at = now() + interval '1 day' where id = $1`, [fx.ids.b]);
  });
});

describe('drill-down and scope', () => {
  it('drills from the street to a community and a grid, every panel following', async () => {
    const street = await get('street', '/api/analytics/bigscreen/base');
    expect(street.children.map((c: { id: number }) => c.id)).toEqual(
      ctx.seed.tree.streets[0]!.communities.map((c) => c.id),
    );
    const community = ctx.seed.tree.streets[0]!.communities[0]!;
    expect((await get('street', `/api/analytics/bigscreen/cases?nodeId=${community.id}`)).today.reported).toBe(2);
    expect((await get('street', `/api/analytics/bigscreen/cases?nodeId=${fx.grid2.id}`)).thisMonth).toMatchObject({
      reported: 1,
      closed: 1,
      onTimeCloseRate: 0,
      satisfactionRate: 0,
    });
  });

  it("shows a community secretary only the community's figures", async () => {
    const data = await get('secretary', '/api/analytics/bigscreen/cases');
    expect(data.thisMonth).toMatchObject({ reported: 2, closed: 1, onTimeCloseRate: 100, satisfactionRate: 100 });
    const base = await get('secretary', '/api/analytics/bigscreen/base');
    expect(base.node.id).toBe(ctx.seed.tree.streets[0]!.communities[0]!.id);
  });
});

describe('base panels', () => {
  it('sums households over the grids and counts grids, members and hours', async () => {
    const community = ctx.seed.tree.streets[0]!.communities[0]!;
    const data = await get('secretary', '/api/analytics/bigscreen/base');
    expect(data.counts.households).toBe(community.grids.reduce((n, g) => n + g.households, 0));
    expect(data.counts.grids).toBe(community.grids.length);
    const {
      rows: [m],
    } = await ctx.pool.query(
      `select count(*)::int as n from party_members where left_on is null and branch_path like $1`,
      [`${community.path}%`],
    );
    expect(data.counts.members).toBe(m.n);
    expect(data.volunteerHours).toBe(0);
    expect(data.wishesFulfilled).toBe(0);
  });
});

describe('one map', () => {
  it('counts open and overdue cases per grid and returns the case points', async () => {
    const data = await get('street', '/api/analytics/map/layers?layers=cases,care,partyHouseholds');
    const grid1 = data.grids.find((g: { path: string }) => g.path === fx.grid1.path);
    expect(grid1).toMatchObject({ open: 2, overdue: 0 });
    expect(data.cases.map((c: { id: number }) => c.id).sort()).toEqual([fx.ids.a, fx.ids.b, fx.ids.c].sort());
  });

  it('refuses an unknown layer with a field error', async () => {
    const s = await loginAs(ctx.app, 'street');
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/analytics/map/layers?layers=names',
      headers: s.headers,
    });
    expect(res.statusCode).toBe(422);
  });

  it("gives a grid card with its open cases and this month's indicators", async () => {
    const data = await get('gridworker', `/api/analytics/grids/${fx.grid1.id}`);
    expect(data).toMatchObject({
      openCases: 2,
      overdueCases: 0,
      thisMonth: { reported: 2, closed: 1, onTimeCloseRate: 100, satisfactionRate: 100 },
    });
  });
});
