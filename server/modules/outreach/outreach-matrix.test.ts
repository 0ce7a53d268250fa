import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestContext } from '../../test/test-app.ts';
import { communities, memberElsewhere, memberIn, workerOf } from './testing/outreach-fixture.ts';

let ctx: TestContext;
const ids = { ownMember: 0, ownWorker: 0, otherMember: 0, otherWorker: 0 };
let ownBuildings: number[] = [];
let otherBuildings: number[] = [];

beforeAll(async () => {
  ctx = await createTestApp();
  const { own, other } = communities(ctx);
  ids.ownMember = await memberIn(ctx, own.path);
  ids.ownWorker = await workerOf(ctx, own.grids[0]!.id);
  ids.otherMember = await memberElsewhere(ctx, other);
  ids.otherWorker = await workerOf(ctx, other.grids[0]!.id);
  ownBuildings = own.grids.flatMap((g) => g.buildingIds);
  otherBuildings = other.grids.flatMap((g) => g.buildingIds);
});
afterAll(async () => {
  await ctx.close();
});

// [wall: own community, other street's; 党员户 status, opt in; my zone; zones: own, other;
//  create a zone: own community, other]
// 404 = outside the scope; 403 = the role may not.
const MATRIX: [string, number[]][] = [
  ['admin', [200, 200, 403, 403, 403, 200, 200, 201, 201]],
  ['street', [200, 404, 403, 403, 403, 200, 404, 201, 404]],
  ['secretary', [200, 404, 403, 403, 403, 200, 404, 201, 404]],
  ['staff', [200, 404, 403, 403, 403, 200, 404, 201, 404]],
  ['gridworker', [200, 404, 403, 403, 403, 403, 403, 403, 403]],
  ['leader', [200, 404, 403, 403, 200, 403, 403, 403, 403]],
  ['member', [200, 404, 200, 200, 200, 403, 403, 403, 403]],
  ['volunteer', [200, 404, 403, 403, 200, 403, 403, 403, 403]],
  ['resident', [200, 404, 403, 403, 200, 403, 403, 403, 403]],
  ['dept', [403, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['property', [403, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['counit', [403, 403, 403, 403, 403, 403, 403, 403, 403]],
];

describe('党员户, 连心墙, 一区两员: role × scope × action', () => {
  it.each(MATRIX.map(([who, expected], i) => [who, expected, i] as const))('%s', async (who, expected, i) => {
    const s = await loginAs(ctx.app, who);
    const call = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
      (await ctx.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) })).statusCode;
    const { own, other } = communities(ctx);
    // Each account zones a building of its own, so a refusal is never a side effect of another's success.
    const zone = (communityId: number, building: number, memberId: number, workerId: number) => ({
      communityId,
      name: `责任区-${who}`,
      buildingNodeIds: [building],
      responsibilityMemberId: memberId,
      serviceUserId: workerId,
    });
    const got = [
      await call('GET', `/api/outreach/wall?communityId=${own.id}`),
      await call('GET', `/api/outreach/wall?communityId=${other.id}`),
      await call('GET', '/api/outreach/household'),
      await call('PUT', '/api/outreach/household', { optIn: true }),
      await call('GET', '/api/outreach/my-zone'),
      await call('GET', `/api/outreach/zones?communityId=${own.id}`),
      await call('GET', `/api/outreach/zones?communityId=${other.id}`),
      await call('POST', '/api/outreach/zones', zone(own.id, ownBuildings[i]!, ids.ownMember, ids.ownWorker)),
      await call('POST', '/api/outreach/zones', zone(other.id, otherBuildings[i]!, ids.otherMember, ids.otherWorker)),
    ];
    expect(got).toEqual(expected);
  });
});
