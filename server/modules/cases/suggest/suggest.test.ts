import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../../test/test-app.ts';
import { seedDemoCases } from '../demo/seed-cases.ts';
import { actOk, categoryId, pointInGrid, report } from '../test-helpers.ts';
import { suggestionModelsFor, warmSuggestionModels } from './model.ts';

let ctx: TestContext;
const s: Record<string, Session> = {};

beforeAll(async () => {
  ctx = await createTestApp();
  // A year of history to learn from: 600 cases across the two streets.
  await ctx.db.transaction((tx) => seedDemoCases(tx, ctx.seed.tree, [400, 200]));
  for (const u of ['resident', 'secretary', 'gridworker', 'dept']) s[u] = await loginAs(ctx.app, u);
});
afterAll(async () => {
  await ctx.close();
});

describe('warm-up at start', () => {
  it('settles only once the first model is trained, so /readyz holds traffic back until then', async () => {
    expect(suggestionModelsFor(ctx.db).current()).toBeNull();
    await warmSuggestionModels(ctx.db);
    expect(suggestionModelsFor(ctx.db).current()?.trainedOn).toBeGreaterThan(500); // the classified ones of the 600
  });
});

describe('GET /api/cases/:id/suggestion', () => {
  it('suggests the category dispatchers chose for similar reports, with a confidence', async () => {
    const grid = ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!;
    const c = await report(ctx.app, s.resident!, {
      title: '电梯坏了',
      description: '单元电梯又坏了，老人上下楼很困难',
      ...(await pointInGrid(ctx, grid.id)),
    });
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/cases/${c.id}/suggestion`,
      headers: s.secretary!.headers,
    });
    expect(res.statusCode).toBe(200);
    const data = res.json().data;
    expect(data.enoughData).toBe(true);
    expect(data.category).toMatchObject({ id: await categoryId(ctx, '电梯故障') });
    expect(data.category.confidence).toBeGreaterThan(0.5);
    expect(data.handler).not.toBeNull();
  });

  it('ranks three categories, best first, with calibrated confidences that sum to at most 1', async () => {
    const grid = ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!;
    const c = await report(ctx.app, s.resident!, {
      title: '垃圾没人清运',
      description: '楼下垃圾桶满了好几天没人清运，味道很大',
      ...(await pointInGrid(ctx, grid.id)),
    });
    const data = (
      await ctx.app.inject({ method: 'GET', url: `/api/cases/${c.id}/suggestion`, headers: s.secretary!.headers })
    ).json().data;
    expect(data.categories).toHaveLength(3);
    for (const x of data.categories)
      expect(x).toEqual({
        categoryId: expect.any(Number),
        code: expect.stringMatching(/^\d{4}$/),
        name: expect.any(String),
        confidence: expect.any(Number),
      });
    const confidences = data.categories.map((x: { confidence: number }) => x.confidence);
    expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
    expect(confidences.reduce((a: number, b: number) => a + b, 0)).toBeLessThanOrEqual(1.001);
    expect(data.category).toEqual({
      id: data.categories[0].categoryId,
      code: data.categories[0].code,
      name: data.categories[0].name,
      confidence: data.categories[0].confidence,
    });
  });

  it('is for dispatchers only', async () => {
    const grid = ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!;
    const c = await report(ctx.app, s.resident!, {
      title: '路灯不亮',
      description: '巷子里的路灯坏了',
      ...(await pointInGrid(ctx, grid.id)),
    });
    expect(
      (await ctx.app.inject({ method: 'GET', url: `/api/cases/${c.id}/suggestion`, headers: s.resident!.headers }))
        .statusCode,
    ).toBe(403);
    expect(
      (await ctx.app.inject({ method: 'GET', url: `/api/cases/${c.id}/suggestion`, headers: s.dept!.headers }))
        .statusCode,
    ).toBe(404);
  });
});

describe('classification records and re-categorisation', () => {
  const rate = async () =>
    (
      await ctx.app.inject({ method: 'GET', url: '/api/cases/suggestion-acceptance', headers: s.secretary!.headers })
    ).json().data;
  const suggestionOf = async (id: number) =>
    (await ctx.app.inject({ method: 'GET', url: `/api/cases/${id}/suggestion`, headers: s.secretary!.headers })).json()
      .data;
  // Retraining runs in the background (no more often than ten times its own duration): poll until the top-1 is `categoryId`.
  const topBecomes = async (id: number, categoryId: number) => {
    let data = await suggestionOf(id);
    for (let i = 0; i < 800 && data.categories[0].categoryId !== categoryId; i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      data = await suggestionOf(id);
    }
    return data.categories[0].categoryId;
  };

  it('records at 立案 whether the dispatcher kept the suggested category, and reports the 30-day acceptance rate', async () => {
    const grid = ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!;
    const before = await rate();
    const taken = await report(ctx.app, s.resident!, {
      title: '电梯故障',
      description: '电梯门关不上，困人了',
      ...(await pointInGrid(ctx, grid.id)),
    });
    const top = (await suggestionOf(taken.id)).categories[0];
    await actOk(ctx.app, s.secretary!, taken.id, 'accept', { categoryId: top.categoryId });
    const overruled = await report(ctx.app, s.resident!, {
      title: '电梯又坏了',
      description: '电梯停在三楼不动了',
      ...(await pointInGrid(ctx, grid.id)),
    });
    const other = (await suggestionOf(overruled.id)).categories[1];
    await actOk(ctx.app, s.secretary!, overruled.id, 'accept', { categoryId: other.categoryId });

    const { rows } = await ctx.pool.query(
      `select case_id, action, category_id, suggested_category_id, took_suggestion from case_suggestion_outcomes where case_id = any($1) order by id`,
      [[taken.id, overruled.id]],
    );
    expect(rows).toEqual(
      [
        {
          case_id: String(taken.id),
          action: 'accept',
          category_id: top.categoryId,
          suggested_category_id: top.categoryId,
          took_suggestion: true,
        },
        {
          case_id: String(overruled.id),
          action: 'accept',
          category_id: other.categoryId,
          suggested_category_id: expect.any(Number),
          took_suggestion: false,
        },
      ].map((r) => ({ ...r, case_id: expect.anything() })),
    );
    const after = await rate();
    expect(after).toMatchObject({
      days: 30,
      classified: before.classified + 2,
      suggested: before.suggested + 2,
      taken: before.taken + 1,
    });
    expect(after.rate).toBeCloseTo(after.taken / after.suggested, 3);
  });

  // Role × scope: every staff role reading cases sees its own node's figure (its own node id back); residents none.
  it.each([
    ['admin', 200],
    ['street', 200],
    ['secretary', 200],
    ['staff', 200],
    ['gridworker', 200],
    ['dept', 200],
    ['resident', 403],
  ])('%s asking for its own scope gets %i', async (username, status) => {
    const session = await loginAs(ctx.app, username);
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/cases/suggestion-acceptance',
      headers: session.headers,
    });
    expect(res.statusCode).toBe(status);
    if (status === 200) {
      const me = (await ctx.app.inject({ method: 'GET', url: '/api/me', headers: session.headers })).json().data;
      expect(res.json().data).toMatchObject({ nodeId: me.scope.nodeId, days: 30 });
    }
  });

  it('is for staff in scope only', async () => {
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/cases/suggestion-acceptance', headers: s.resident!.headers }))
        .statusCode,
    ).toBe(403);
    const otherStreet = ctx.seed.tree.streets[1]!.id;
    expect(
      (
        await ctx.app.inject({
          method: 'GET',
          url: `/api/cases/suggestion-acceptance?nodeId=${otherStreet}`,
          headers: s.secretary!.headers,
        })
      ).statusCode,
    ).toBe(404);
  });

  it("learns a dispatcher's correction: re-categorised cases retrain the model and change the next suggestion", async () => {
    const grid = ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!;
    const pin = await pointInGrid(ctx, grid.id);
    // A complaint no demo case resembles, first filed under 路灯不亮 and then corrected to 井盖破损或丢失.
    const text = { title: '鹦鹉螺钟楼嗡嗡异响', description: '鹦鹉螺钟楼那边嗡嗡嗡异响，铜铃铛掉了' };
    const lamp = await categoryId(ctx, '路灯不亮');
    const cover = await categoryId(ctx, '井盖破损或丢失');
    const filed = [];
    for (let i = 0; i < 4; i++) {
      const c = await report(ctx.app, s.resident!, { ...text, ...pin });
      await actOk(ctx.app, s.secretary!, c.id, 'accept', { categoryId: lamp });
      filed.push(c.id);
    }
    const probe = await report(ctx.app, s.resident!, { ...text, ...pin });
    expect(await topBecomes(probe.id, lamp)).toBe(lamp);

    for (const id of filed)
      await actOk(ctx.app, s.secretary!, id, 'dispatch', { level: 'community', categoryId: cover });
    expect(await topBecomes(probe.id, cover)).toBe(cover);
    const { rows } = await ctx.pool.query(
      `select action, previous_category_id, category_id from case_suggestion_outcomes where case_id = $1 order by id`,
      [filed[0]],
    );
    expect(rows).toEqual([
      { action: 'accept', previous_category_id: null, category_id: lamp },
      { action: 'reclassify', previous_category_id: lamp, category_id: cover },
    ]);
    const detail = (
      await ctx.app.inject({ method: 'GET', url: `/api/cases/${filed[0]}`, headers: s.secretary!.headers })
    ).json().data;
    expect(detail.category).toMatchObject({ id: cover });
    // Two retrains, each waiting out RETRAIN_DUTY × the previous training: minutes on a loaded machine.
  }, 420_000);

  it.each([['an unknown category', 999_999]])('refuses a correction to %s and changes nothing', async (_, bad) => {
    const grid = ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!;
    const c = await report(ctx.app, s.resident!, {
      title: '路灯不亮',
      description: '巷口路灯不亮了',
      ...(await pointInGrid(ctx, grid.id)),
    });
    await actOk(ctx.app, s.secretary!, c.id, 'accept', { categoryId: await categoryId(ctx, '路灯不亮') });
    const current = (
      await ctx.app.inject({ method: 'GET', url: `/api/cases/${c.id}`, headers: s.secretary!.headers })
    ).json().data;
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/dispatch`,
      headers: s.secretary!.headers,
      payload: { version: current.version, level: 'community', categoryId: bad },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0]).toMatchObject({ path: 'categoryId' });
    const after = (
      await ctx.app.inject({ method: 'GET', url: `/api/cases/${c.id}`, headers: s.secretary!.headers })
    ).json().data;
    expect(after).toMatchObject({ state: 'accepted', version: current.version, category: { id: current.category.id } });
  });
});

describe('GET /api/cases/duplicates', () => {
  it('finds an open case nearby with similar words, and not one across the district', async () => {
    const grid = ctx.seed.tree.streets[0]!.communities[1]!.grids[0]!;
    const pin = await pointInGrid(ctx, grid.id);
    const first = await report(ctx.app, s.resident!, {
      title: '井盖丢失',
      description: '路口的井盖丢失了，晚上很危险',
      ...pin,
    });
    const near = { lng: pin.lng + 0.0002, lat: pin.lat + 0.0001 };
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/cases/duplicates?lng=${near.lng}&lat=${near.lat}&text=${encodeURIComponent('井盖不见了很危险')}`,
      headers: s.gridworker!.headers,
    });
    const hits = res.json().data;
    expect(hits[0]).toMatchObject({ id: first.id });
    expect(hits[0].distanceM).toBeLessThan(40);
    const far = await ctx.app.inject({
      method: 'GET',
      url: `/api/cases/duplicates?lng=${pin.lng + 0.01}&lat=${pin.lat}&text=${encodeURIComponent('井盖不见了很危险')}`,
      headers: s.gridworker!.headers,
    });
    expect(far.json().data.map((h: { id: number }) => h.id)).not.toContain(first.id);
  });
});
