import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestContext } from '../../test/test-app.ts';
import { seedDemoResidents } from './seed.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => {
  await ctx.close();
});

describe('seedDemoResidents', () => {
  it('fills every house of the demo community through the import path, encrypted and masked', async () => {
    const community = ctx.seed.tree.streets[0]!.communities[0]!;
    const n = await ctx.db.transaction((tx) => seedDemoResidents(tx, community, ctx.deps.config.dataKey, '320508'));
    const { rows } = await ctx.pool.query(
      `select count(*)::int as residents, count(distinct house_node_id)::int as houses from people_residents`,
    );
    const households = community.grids.reduce((s, g) => s + g.households, 0);
    expect(rows[0]).toEqual({ residents: n, houses: households });
    const s = await loginAs(ctx.app, 'secretary');
    const list = (
      await ctx.app.inject({ method: 'GET', url: '/api/people/residents?pageSize=1', headers: s.headers })
    ).json();
    expect(list.data[0].idNumberMasked).toMatch(/^320508\*{8}\d{3}[\dX]$/);
  });
});
