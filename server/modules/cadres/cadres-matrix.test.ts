import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestContext } from '../../test/test-app.ts';
import { cadres } from './schema.ts';

let ctx: TestContext;
const ids = { community: 0, otherCommunity: 0, grid: 0 };

beforeAll(async () => {
  ctx = await createTestApp();
  const c1 = ctx.seed.tree.streets[0]!.communities[0]!;
  ids.community = c1.id;
  ids.grid = c1.grids[0]!.id;
  ids.otherCommunity = ctx.seed.tree.streets[1]!.communities[0]!.id;
});
afterAll(async () => {
  await ctx.close();
});

describe('cadres and positions: role × scope × action', () => {
  // [posts of the own community, posts of the other street's community, appoint at the own community,
  //  the cadre list, the reserve pool, add to the own grid's force roster, read that roster]
  // 403 = the role may not (asked before any lookup); 404 = the node lies outside the actor's scope.
  const MATRIX: [string, number[]][] = [
    ['admin', [200, 200, 201, 200, 200, 201, 200]],
    ['street', [200, 404, 201, 200, 200, 201, 200]],
    ['secretary', [200, 404, 201, 200, 200, 201, 200]],
    ['staff', [200, 404, 403, 200, 403, 201, 200]],
    ['gridworker', [404, 404, 403, 200, 403, 403, 200]],
    ['leader', [403, 403, 403, 403, 403, 403, 403]],
    ['member', [403, 403, 403, 403, 403, 403, 403]],
    ['volunteer', [403, 403, 403, 403, 403, 403, 403]],
    ['resident', [403, 403, 403, 403, 403, 403, 403]],
    ['dept', [403, 403, 403, 403, 403, 403, 403]],
    ['property', [403, 403, 403, 403, 403, 403, 403]],
    ['counit', [403, 403, 403, 403, 403, 403, 403]],
  ];
  it.each(MATRIX)('%s', async (who, expected) => {
    const s = await loginAs(ctx.app, who);
    const send = (method: 'GET' | 'POST', url: string, payload?: object) =>
      ctx.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
    const c1 = ctx.seed.tree.streets[0]!.communities[0]!;
    const [cadre] = await ctx.db
      .insert(cadres)
      .values({ name: `矩阵${who}`, gender: '女', unit: '居委会', nodeId: c1.id, scopePath: await pathOf(c1.id) })
      .returning({ id: cadres.id });
    const got = [
      (await send('GET', `/api/cadres/posts?nodeId=${ids.community}`)).statusCode,
      (await send('GET', `/api/cadres/posts?nodeId=${ids.otherCommunity}`)).statusCode,
      (
        await send('POST', '/api/cadres/posts', {
          nodeId: ids.community,
          cadreId: cadre!.id,
          kind: 'community_committee',
          startedOn: '2026-01-01',
        })
      ).statusCode,
      (await send('GET', '/api/cadres')).statusCode,
      (await send('GET', '/api/cadres/reserve')).statusCode,
      (
        await send('POST', '/api/cadres/forces', {
          gridId: ids.grid,
          role: 'market',
          name: '市场员',
          unit: '市场监管所',
          phone: '13700000000',
        })
      ).statusCode,
      (await send('GET', `/api/cadres/forces?gridId=${ids.grid}`)).statusCode,
    ];
    expect(got).toEqual(expected);
  });
});

async function pathOf(id: number): Promise<string> {
  return (await ctx.pool.query(`select path from org_nodes where id = $1`, [id])).rows[0].path;
}
