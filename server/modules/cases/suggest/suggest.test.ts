import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../../test/test-app.ts';
import { seedDemoCases } from '../demo/seed-cases.ts';
import { categoryId, pointInGrid, report } from '../test-helpers.ts';

let ctx: TestContext;
const s: Record<string, Session> = {};

beforeAll(async () => {
  ctx = await createTestApp();
  // A year of history to learn from: 600 cases across the two streets.
  await ctx.db.transaction((tx) => seedDemoCases(tx, ctx.seed.tree, [400, 200]));
  for (const u of ['resident', 'secretary', 'gridworker', 'dept']) s[u] = await loginAs(ctx.app, u);
});
afterAll(async () => { await ctx.close(); });

describe('GET /api/cases/:id/suggestion', () => {
  it('suggests the category dispatchers chose for similar reports, with a confidence', async () => {
    const grid = ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!;
    const c = await report(ctx.app, s.resident!, { title: '电梯坏了', description: '单元电梯又坏了，老人上下楼很困难', ...(await pointInGrid(ctx, grid.id)) });
    const res = await ctx.app.inject({ method: 'GET', url: `/api/cases/${c.id}/suggestion`, headers: s.secretary!.headers });
    expect(res.statusCode).toBe(200);
    const data = res.json().data;
    expect(data.enoughData).toBe(true);
    expect(data.category).toMatchObject({ id: await categoryId(ctx, '电梯故障') });
    expect(data.category.confidence).toBeGreaterThan(0.5);
    expect(data.handler).not.toBeNull();
  });

  it('is for dispatchers only', async () => {
    const grid = ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!;
    const c = await report(ctx.app, s.resident!, { title: '路灯不亮', description: '巷子里的路灯坏了', ...(await pointInGrid(ctx, grid.id)) });
    expect((await ctx.app.inject({ method: 'GET', url: `/api/cases/${c.id}/suggestion`, headers: s.resident!.headers })).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/cases/${c.id}/suggestion`, headers: s.dept!.headers })).statusCode).toBe(404);
  });
});

describe('GET /api/cases/duplicates', () => {
  it('finds an open case nearby with similar words, and not one across the district', async () => {
    const grid = ctx.seed.tree.streets[0]!.communities[1]!.grids[0]!;
    const pin = await pointInGrid(ctx, grid.id);
    const first = await report(ctx.app, s.resident!, { title: '井盖丢失', description: '路口的井盖丢失了，晚上很危险', ...pin });
    const near = { lng: pin.lng + 0.0002, lat: pin.lat + 0.0001 };
    const res = await ctx.app.inject({ method: 'GET', url: `/api/cases/duplicates?lng=${near.lng}&lat=${near.lat}&text=${encodeURIComponent('井盖不见了很危险')}`, headers: s.gridworker!.headers });
    const hits = res.json().data;
    expect(hits[0]).toMatchObject({ id: first.id });
    expect(hits[0].distanceM).toBeLessThan(40);
    const far = await ctx.app.inject({ method: 'GET', url: `/api/cases/duplicates?lng=${pin.lng + 0.01}&lat=${pin.lat}&text=${encodeURIComponent('井盖不见了很危险')}`, headers: s.gridworker!.headers });
    expect(far.json().data.map((h: { id: number }) => h.id)).not.toContain(first.id);
  });
});
