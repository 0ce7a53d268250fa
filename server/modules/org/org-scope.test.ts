import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestContext } from '../../test/test-app.ts';

let ctx: TestContext;
/** Buildings at increasing distance from the demo grid worker: own grid, same community, same street, other street. */
let targets: Record<'ownGrid' | 'otherGrid' | 'otherCommunity' | 'otherStreet', number>;

beforeAll(async () => {
  ctx = await createTestApp();
  const [s1, s2] = ctx.seed.tree.streets;
  const [c1, c2] = s1!.communities;
  targets = {
    ownGrid: c1!.grids[0]!.buildingIds[0]!,
    otherGrid: c1!.grids[1]!.buildingIds[0]!,
    otherCommunity: c2!.grids[0]!.buildingIds[0]!,
    otherStreet: s2!.communities[0]!.grids[0]!.buildingIds[0]!,
  };
});
afterAll(async () => {
  await ctx.close();
});

// Expected status of GET /api/org/nodes/:building for each account, in the order
// ownGrid, otherGrid, otherCommunity, otherStreet. 404 = outside the scope (existence not leaked),
// 403 = inside the scope but the role has no access to the governance tree.
const MATRIX: [string, [number, number, number, number]][] = [
  ['admin', [200, 200, 200, 200]],
  ['street', [200, 200, 200, 404]],
  ['secretary', [200, 200, 404, 404]],
  ['staff', [200, 200, 404, 404]],
  ['gridworker', [200, 404, 404, 404]],
  ['leader', [200, 404, 404, 404]],
  ['counit', [200, 200, 404, 404]],
  ['member', [403, 404, 404, 404]],
  ['volunteer', [403, 403, 404, 404]],
  ['resident', [403, 404, 404, 404]],
  ['property', [403, 403, 404, 404]],
  ['dept', [403, 403, 403, 404]],
];

describe('GET /api/org/nodes/:id scope matrix', () => {
  it.each(MATRIX)('%s sees exactly the buildings inside their scope', async (username, expected) => {
    const s = await loginAs(ctx.app, username);
    const got = [];
    for (const id of Object.values(targets))
      got.push((await ctx.app.inject({ method: 'GET', url: `/api/org/nodes/${id}`, headers: s.headers })).statusCode);
    expect(got).toEqual(expected);
  });
});

describe('GET /api/org/nodes/:id/grids', () => {
  it('gives a community secretary the grids of their community only, as GeoJSON with 15-digit codes', async () => {
    const s = await loginAs(ctx.app, 'secretary');
    const c1 = ctx.seed.tree.streets[0]!.communities[0]!;
    const res = await ctx.app.inject({ method: 'GET', url: `/api/org/nodes/${c1.id}/grids`, headers: s.headers });
    const fc = res.json();
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(c1.grids.length);
    for (const f of fc.features) {
      expect(f.properties.code).toMatch(new RegExp(`^${c1.code}\\d{3}$`));
      expect(f.geometry.type).toBe('Polygon');
      expect(f.properties.gridWorker).toBeTruthy();
    }
    const street = ctx.seed.tree.streets[0]!;
    expect(
      (await ctx.app.inject({ method: 'GET', url: `/api/org/nodes/${street.id}/grids`, headers: s.headers }))
        .statusCode,
    ).toBe(404);
  });

  it('gives a street administrator every grid of the street', async () => {
    const s = await loginAs(ctx.app, 'street');
    const street = ctx.seed.tree.streets[0]!;
    const fc = (
      await ctx.app.inject({ method: 'GET', url: `/api/org/nodes/${street.id}/grids`, headers: s.headers })
    ).json();
    expect(fc.features).toHaveLength(street.communities.reduce((n, c) => n + c.grids.length, 0));
  });
});

describe('GET /api/org/grids/:id', () => {
  it('shows the grid worker with a masked phone, the branch and the estates', async () => {
    const s = await loginAs(ctx.app, 'gridworker');
    const grid = ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!;
    const data = (await ctx.app.inject({ method: 'GET', url: `/api/org/grids/${grid.id}`, headers: s.headers })).json()
      .data;
    expect(data.code).toBe(grid.code);
    expect(data.gridWorker.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(data.branch.name).toContain('党支部');
    expect(data.households).toBeGreaterThanOrEqual(350);
    expect(data.estates.length).toBeGreaterThan(0);
  });
});

describe('GET /api/org/locate', () => {
  it('resolves a point inside a grid to that grid and refuses a point outside every grid', async () => {
    const s = await loginAs(ctx.app, 'resident');
    const { rows } = await ctx.pool.query(
      `select id, code, min_lng, min_lat, max_lng, max_lat from org_nodes where level = 'grid' order by code limit 1`,
    );
    const g = rows[0];
    const lng = (g.min_lng + g.max_lng) / 2,
      lat = (g.min_lat + g.max_lat) / 2;
    const hit = await ctx.app.inject({
      method: 'GET',
      url: `/api/org/locate?lng=${lng}&lat=${lat}`,
      headers: s.headers,
    });
    expect(hit.json().data.code).toMatch(/^\d{15}$/);
    const miss = await ctx.app.inject({ method: 'GET', url: '/api/org/locate?lng=100&lat=20', headers: s.headers });
    expect(miss.statusCode).toBe(422);
    expect(miss.json().error.message).toBe('该位置不在任何网格内');
  });
});

describe('GET /api/org/my-area/grids', () => {
  it('gives a resident the grid outlines of the community they live in, and nothing more', async () => {
    const s = await loginAs(ctx.app, 'resident');
    const c1 = ctx.seed.tree.streets[0]!.communities[0]!;
    const fc = (await ctx.app.inject({ method: 'GET', url: '/api/org/my-area/grids', headers: s.headers })).json();
    expect(fc.features.map((f: { properties: { code: string } }) => f.properties.code).sort()).toEqual(
      c1.grids.map((g) => g.code).sort(),
    );
    const admin = await loginAs(ctx.app, 'admin');
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/org/my-area/grids', headers: admin.headers })).statusCode,
    ).toBe(404);
  });
});

describe('GET /api/org/communities', () => {
  it('lets any signed-in user find a community by part of its name, with its street, and nothing else', async () => {
    const c2 = ctx.seed.tree.streets[1]!.communities[0]!;
    const [name] = (await ctx.pool.query(`select name from org_nodes where id = $1`, [c2.id])).rows.map(
      (r) => r.name as string,
    );
    const term = name!.slice(0, 2);
    const member = await loginAs(ctx.app, 'member');
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/org/communities?q=${encodeURIComponent(term)}`,
      headers: member.headers,
    });
    expect(res.statusCode).toBe(200);
    const found = res.json().data as { id: number; name: string; streetName: string; code: string }[];
    expect(found.map((c) => c.id)).toContain(c2.id);
    expect(found.every((c) => c.name.includes(term) && c.code.length === 12 && c.streetName.length > 0)).toBe(true);
    expect(Object.keys(found[0]!).sort()).toEqual(['code', 'id', 'name', 'streetName']);
    const empty = await ctx.app.inject({ method: 'GET', url: '/api/org/communities?q=%20', headers: member.headers });
    expect(empty.statusCode).toBe(422);
    expect(
      (await ctx.app.inject({ method: 'GET', url: `/api/org/communities?q=${encodeURIComponent(term)}` })).statusCode,
    ).toBe(401);
  });
});
