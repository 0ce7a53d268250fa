import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';

let ctx: TestContext;
let secretary: Session;
let community: { id: number; code: string };
let box: { w: number; s: number; e: number; n: number };

const rect = (w: number, s: number, e: number, n: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});
const nodeCount = async () => Number((await ctx.pool.query('select count(*) from org_nodes')).rows[0].count);

beforeAll(async () => {
  ctx = await createTestApp();
  secretary = await loginAs(ctx.app, 'secretary');
  const c = ctx.seed.tree.streets[0]!.communities[0]!;
  community = { id: c.id, code: c.code };
  // Free room for a new grid: shrink the community's last grid to its western half.
  const { rows } = await ctx.pool.query(
    `select id, min_lng, min_lat, max_lng, max_lat from org_nodes where parent_id = $1 and level = 'grid' order by code desc limit 1`,
    [c.id],
  );
  const g = rows[0];
  const mid = (g.min_lng + g.max_lng) / 2;
  box = { w: mid, s: g.min_lat, e: g.max_lng, n: g.max_lat };
  // Generated grids are axis-aligned rectangles (with extra vertices where neighbours meet), so the bbox is the grid.
  const res = await ctx.app.inject({
    method: 'PUT',
    url: `/api/org/grids/${g.id}/geometry`,
    headers: secretary.headers,
    payload: { geometry: rect(g.min_lng, g.min_lat, mid, g.max_lat) },
  });
  expect(res.statusCode).toBe(200);
});
afterAll(async () => {
  await ctx.close();
});

describe('POST /api/org/nodes/:id/grids', () => {
  it('reports the freed area as uncovered, then draws a grid there with the next 15-digit code', async () => {
    const before = (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/org/nodes/${community.id}/coverage`,
        headers: secretary.headers,
      })
    ).json().data;
    expect(before.uncoveredM2).toBeGreaterThan(1000);
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/org/nodes/${community.id}/grids`,
      headers: secretary.headers,
      payload: { name: '新划网格', geometry: rect(box.w, box.s, box.e, box.n) },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().data.code).toMatch(new RegExp(`^${community.code}\\d{3}$`));
    const after = (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/org/nodes/${community.id}/coverage`,
        headers: secretary.headers,
      })
    ).json().data;
    expect(after.uncoveredM2).toBe(0);
    const audit = await ctx.pool.query(`select * from audit_log where action = 'org.grid.create'`);
    expect(audit.rows).toHaveLength(1);
  });

  const bad: [string, unknown, RegExp][] = [
    ['malformed GeoJSON', { type: 'Polygon', coordinates: 'x' }, /坐标|coordinates/],
    [
      'an unclosed ring',
      {
        type: 'Polygon',
        coordinates: [
          [
            [120.6, 31.3],
            [120.61, 31.3],
            [120.61, 31.31],
            [120.6, 31.31],
          ],
        ],
      },
      /闭合/,
    ],
    ['a point instead of a polygon', { type: 'Point', coordinates: [120.6, 31.3] }, /Polygon|多边形/],
  ];
  it.each(bad)('refuses %s with a specific 422 and writes nothing', async (_label, geometry, message) => {
    const before = await nodeCount();
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/org/nodes/${community.id}/grids`,
      headers: secretary.headers,
      payload: { name: '坏网格', geometry },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details[0].path).toMatch(/^geometry/);
    expect(res.json().error.message).toMatch(message);
    expect(await nodeCount()).toBe(before);
  });

  it('refuses a grid overlapping an existing grid, naming it', async () => {
    const before = await nodeCount();
    const first = ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!;
    const { rows } = await ctx.pool.query(`select min_lng, min_lat, max_lng, max_lat from org_nodes where id = $1`, [
      first.id,
    ]);
    const g = rows[0];
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/org/nodes/${community.id}/grids`,
      headers: secretary.headers,
      payload: {
        name: '重叠网格',
        geometry: rect(g.min_lng, g.min_lat, (g.min_lng + g.max_lng) / 2, (g.min_lat + g.max_lat) / 2),
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain(`与网格 ${first.code} 重叠`);
    expect(await nodeCount()).toBe(before);
  });

  it('refuses a grid reaching outside its community', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/org/nodes/${community.id}/grids`,
      headers: secretary.headers,
      payload: { name: '越界网格', geometry: rect(100, 20, 100.01, 20.01) },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('超出所属社区');
  });

  it('refuses a code of the wrong length', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/org/nodes/${community.id}/grids`,
      headers: secretary.headers,
      payload: { name: 'x', code: '1234', geometry: rect(box.w, box.s, box.e, box.n) },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([{ path: 'code', message: '网格编码必须为 15 位数字，实际 4 位' }]);
  });

  it('forbids community staff (403) and a secretary of another community (404)', async () => {
    const staff = await loginAs(ctx.app, 'staff');
    expect(
      (
        await ctx.app.inject({
          method: 'POST',
          url: `/api/org/nodes/${community.id}/grids`,
          headers: staff.headers,
          payload: { name: 'x', geometry: rect(box.w, box.s, box.e, box.n) },
        })
      ).statusCode,
    ).toBe(403);
    const other = ctx.seed.tree.streets[0]!.communities[1]!;
    expect(
      (
        await ctx.app.inject({
          method: 'POST',
          url: `/api/org/nodes/${other.id}/grids`,
          headers: secretary.headers,
          payload: { name: 'x', geometry: rect(box.w, box.s, box.e, box.n) },
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('POST /api/org/nodes', () => {
  it.each([
    [
      'an unknown parent',
      { parentId: 999999, level: 'estate', code: '1'.repeat(18), name: '某小区' },
      'parentId',
      '上级节点不存在或不在您的管辖范围内',
    ],
    [
      'a code of the wrong length',
      { parentId: 0, level: 'estate', code: '123', name: '某小区' },
      'code',
      '编码长度应为 18 位，实际 3 位',
    ],
    [
      'a code not extending the parent code',
      { parentId: 0, level: 'estate', code: '9'.repeat(18), name: '某小区' },
      'code',
      '编码必须以上级编码 GRID 开头',
    ],
    [
      'a level under the wrong parent',
      { parentId: 0, level: 'building', code: '1'.repeat(21), name: '1幢' },
      'parentId',
      '楼栋的上级必须是小区/街巷，而不是网格',
    ],
  ])('refuses %s with a 422 on the field', async (_label, body, path, message) => {
    const admin = await loginAs(ctx.app, 'admin');
    const grid = ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!;
    const payload = { ...body, parentId: body.parentId || grid.id };
    const before = await nodeCount();
    const res = await ctx.app.inject({ method: 'POST', url: '/api/org/nodes', headers: admin.headers, payload });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([{ path, message: message.replace('GRID', grid.code) }]);
    expect(await nodeCount()).toBe(before);
  });

  it('adds an estate under a grid with the path extended', async () => {
    const admin = await loginAs(ctx.app, 'admin');
    const grid = ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!;
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/org/nodes',
      headers: admin.headers,
      payload: { parentId: grid.id, level: 'estate', code: `${grid.code}900`, name: '新建小区' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().data.path).toBe(`${grid.path}${res.json().data.id}/`);
  });
});
