import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { orgCodeCheckChar, usccCheckChar } from './rules/uscc.ts';
import { csvOf, houseCodesUnder, person, pointInGrid, upload } from './testing/fixtures.ts';
import { bodies, MATRIX, r, t } from './testing/scope-matrix.ts';
import { DEMO_ACCOUNTS } from '../../test/demo-accounts.ts';

let ctx: TestContext;
const ACCOUNTS = DEMO_ACCOUNTS;
const sessions = {} as Record<(typeof ACCOUNTS)[number], Session>;
/** A: a resident in the building of the demo building leader (grid 1, community 1, street 1). B: one in street 2. */
function uscc(seq: number): string {
  const org = String(80000000 + seq);
  const first17 = `91320508${org}${orgCodeCheckChar(org)}`;
  return first17 + usccCheckChar(first17);
}

beforeAll(async () => {
  ctx = await createTestApp();
  for (const a of ACCOUNTS) sessions[a] = await loginAs(ctx.app, a);
  const grid1 = ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!;
  const [hA] = await houseCodesUnder(ctx.db, `${grid1.path}`, 1);
  const [hB] = await houseCodesUnder(ctx.db, ctx.seed.tree.streets[1]!.path, 1);
  t.houseA = hA!.id;
  t.houseB = hB!.id;
  for (const [key, house, seq] of [
    ['residentA', hA!, 1],
    ['residentB', hB!, 2],
  ] as const) {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/people/residents',
      headers: sessions.admin.headers,
      payload: {
        name: `居民${seq}`,
        idNumber: person(seq),
        houseId: house.id,
        residenceType: '户籍',
        phone: '13912345678',
      },
    });
    t[key] = res.json().data.id;
  }
  // Residents with a moved-in date: a move-out dated before it is refused whoever asks (no state change).
  for (const [key, house, seq] of [
    ['leaverA', hA!, 4],
    ['leaverB', hB!, 5],
  ] as const) {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/people/residents',
      headers: sessions.admin.headers,
      payload: {
        name: `居民${seq}`,
        idNumber: person(seq),
        houseId: house.id,
        residenceType: '户籍',
        movedInOn: '2024-01-01',
      },
    });
    t[key] = res.json().data.id;
  }
  t.gridA = grid1.id;
  t.gridB = ctx.seed.tree.streets[1]!.communities[0]!.grids[0]!.id;
  const locate = (lng: number, lat: number) => ctx.deps.gridLookup.locate(lng, lat);
  bodies.entityA = { creditCode: uscc(1), name: '甲商行', type: '企业', gridId: t.gridA };
  bodies.entityB = { creditCode: uscc(2), name: '乙商行', type: '企业', gridId: t.gridB };
  bodies.componentA = {
    componentCode: '3205080101800001',
    ...(await pointInGrid(ctx.db, locate, t.gridA)),
    state: '完好',
  };
  bodies.componentB = {
    componentCode: '3205080101800002',
    ...(await pointInGrid(ctx.db, locate, t.gridB)),
    state: '完好',
  };
  for (const key of ['entityA', 'entityB', 'componentA', 'componentB'] as const) {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/people/${key.startsWith('entity') ? 'entities' : 'components'}`,
      headers: sessions.admin.headers,
      payload: bodies[key],
    });
    r[key] = res.json().data.id;
  }
  const file = csvOf([
    ['姓名', '身份证号', '房屋编码', '人口类型'],
    ['测试', person(3), hA!.code, '户籍'],
  ]);
  t.importA = (await upload(ctx.app, sessions.secretary, 'residents', 'a.csv', file)).json().data.id;
  t.importB = (await upload(ctx.app, sessions.admin, 'residents', 'b.csv', file)).json().data.id;
});
afterAll(async () => {
  await ctx.close();
});

describe('people routes: role × scope matrix', () => {
  it('covers every people route', () => {
    const routes = new Set(
      ctx.app.routeTable.filter((r) => r.url.startsWith('/api/people/')).map((r) => `${r.method} ${r.url}`),
    );
    const covered = new Set(
      MATRIX.map(([, call]) => {
        const c = call();
        const url = c.url.split('?')[0]!.replace(/\/\d+(?=\/|$)/g, '/:id');
        return `${c.method} ${url}`;
      }),
    );
    expect([...routes].filter((r) => !covered.has(r))).toEqual([]);
  });

  it.each(MATRIX)('%s', async (_name, call, expected) => {
    const got: number[] = [];
    for (const account of ACCOUNTS) {
      const c = call();
      if (c.multipart) {
        got.push((await upload(ctx.app, sessions[account], 'residents', 'm.csv', csvOf([['姓名'], ['x']]))).statusCode);
        continue;
      }
      const res = await ctx.app.inject({
        method: c.method,
        url: c.url,
        headers: sessions[account].headers,
        ...(c.payload ? { payload: c.payload as object } : {}),
      });
      got.push(res.statusCode);
    }
    expect(got).toEqual(expected);
  });
});
