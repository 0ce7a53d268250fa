import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MapLayers } from '../../../contracts/analytics.ts';
import { createTestApp, loginAs, type TestContext } from '../../test/test-app.ts';
import { formatOpeningHours } from '../services/stats.ts';
import { seedCommunityLifeFor } from '../services/test-seed.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
  await seedCommunityLifeFor(ctx);
});
afterAll(() => ctx.close());

async function stations(username: string, query = ''): Promise<MapLayers['stations']> {
  const s = await loginAs(ctx.app, username);
  const res = await ctx.app.inject({
    method: 'GET',
    url: `/api/analytics/map/layers?layers=stations${query}`,
    headers: s.headers,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data.stations;
}

/** The community's first registered building (lowest code) among the buildings the seed wrote for it. */
async function firstBuilding(community: TestContext['seed']['tree']['streets'][number]['communities'][number]) {
  const ids = community.grids.flatMap((g) => g.buildingIds);
  const {
    rows: [b],
  } = await ctx.pool.query(`select lng, lat from org_nodes where id = any($1) order by code limit 1`, [ids]);
  return b as { lng: number; lat: number };
}

describe('opening hours on the map', () => {
  it('joins consecutive days with the same periods', () => {
    const weekdays = [1, 2, 3, 4, 5].flatMap((weekday) => [
      { weekday, open: '14:00', close: '17:00' },
      { weekday, open: '09:00', close: '11:30' },
    ]);
    expect(formatOpeningHours([...weekdays, { weekday: 6, open: '09:00', close: '11:30' }])).toBe(
      '周一至周五 09:00–11:30、14:00–17:00；周六 09:00–11:30',
    );
    expect(
      formatOpeningHours([
        { weekday: 6, open: '09:00', close: '12:00' },
        { weekday: 7, open: '09:00', close: '12:00' },
      ]),
    ).toBe('周六、周日 09:00–12:00');
    expect(
      formatOpeningHours([
        { weekday: 1, open: '09:00', close: '12:00' },
        { weekday: 3, open: '09:00', close: '12:00' },
      ]),
    ).toBe('周一 09:00–12:00；周三 09:00–12:00');
    expect(formatOpeningHours([])).toBe('暂未公布');
  });
});

describe('service stations layer', () => {
  it("places each of the street's community stations at the community's first building", async () => {
    const street = ctx.seed.tree.streets[0]!;
    const layer = await stations('street');
    expect(layer.map((s) => s.communityPath)).toEqual(street.communities.map((c) => c.path));
    for (const [i, community] of street.communities.entries()) {
      const station = layer[i]!;
      expect(station).toMatchObject({
        name: `${community.name}党群服务驿站`,
        hours: '周一至周五 09:00–11:30、14:00–17:00；周六 09:00–11:30',
        located: 'building',
      });
      const b = await firstBuilding(community);
      expect([station.lng, station.lat]).toEqual([b.lng, b.lat]);
    }
  });

  it('shows a community secretary and a grid worker only their community station', async () => {
    const community = ctx.seed.tree.streets[0]!.communities[0]!;
    expect((await stations('secretary')).map((s) => s.communityPath)).toEqual([community.path]);
    expect((await stations('gridworker')).map((s) => s.communityPath)).toEqual([community.path]);
  });

  it('is empty unless asked for', async () => {
    const s = await loginAs(ctx.app, 'street');
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/analytics/map/layers?layers=cases',
      headers: s.headers,
    });
    expect(res.json().data.stations).toEqual([]);
  });

  it("falls back to the centre of the community's box when it has no located building", async () => {
    const community = ctx.seed.tree.streets[0]!.communities[1]!;
    await ctx.pool.query(`update org_nodes set lng = null, lat = null where level = 'building' and path like $1`, [
      `${community.path}%`,
    ]);
    const {
      rows: [box],
    } = await ctx.pool.query(`select min_lng, min_lat, max_lng, max_lat from org_nodes where id = $1`, [community.id]);
    const station = (await stations('street')).find((s) => s.communityPath === community.path)!;
    expect(station.located).toBe('community');
    expect(station.lng).toBeCloseTo((box.min_lng + box.max_lng) / 2, 9);
    expect(station.lat).toBeCloseTo((box.min_lat + box.max_lat) / 2, 9);
  });
});
