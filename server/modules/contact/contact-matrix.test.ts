import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestContext } from '../../test/test-app.ts';
import { dayFromToday, housesOfBuilding, places, userId } from './testing/contact-fixture.ts';

let ctx: TestContext;
const ids = { ownRound: 0, otherRound: 0, memberHouse: 0, otherHouse: 0, spareHouses: [] as number[] };

beforeAll(async () => {
  ctx = await createTestApp();
  const admin = await loginAs(ctx.app, 'admin');
  const { own, other } = places(ctx);
  const round = async (communityId: number) =>
    (
      await ctx.app.inject({
        method: 'POST',
        url: '/api/contact/rounds',
        headers: admin.headers,
        payload: { communityId, no: 1, title: '第1轮入户走访', startsOn: dayFromToday(-3), endsOn: dayFromToday(20) },
      })
    ).json().data.id as number;
  ids.ownRound = await round(own.id);
  ids.otherRound = await round(other.id);
  const ownHouses = await housesOfBuilding(ctx, own.grids[0]!.buildingIds[0]!);
  ids.memberHouse = ownHouses[0]!;
  ids.spareHouses = ownHouses.slice(1);
  ids.otherHouse = (await housesOfBuilding(ctx, other.grids[0]!.buildingIds[0]!))[0]!;
  await ctx.app.inject({
    method: 'POST',
    url: '/api/contact/assignments',
    headers: admin.headers,
    payload: { contactUserId: await userId(ctx, 'member'), houseNodeIds: [ids.memberHouse] },
  });
});
afterAll(async () => {
  await ctx.close();
});

// [rounds: own community, other street's; open a round: own, other; assign a house in the own
//  community; coverage: own round, other's; my households; record a visit: the member's household
//  in the own community, a household in the other street]
// 404 = outside the scope; 403 = the role may not (or, for a visit, the household is not theirs).
const MATRIX: [string, number[]][] = [
  ['admin', [200, 200, 201, 201, 200, 200, 200, 403, 201, 201]],
  ['street', [200, 404, 201, 404, 200, 200, 404, 200, 201, 404]],
  ['secretary', [200, 404, 201, 404, 200, 200, 404, 200, 201, 404]],
  ['staff', [200, 404, 201, 404, 200, 200, 404, 200, 201, 404]],
  ['gridworker', [200, 404, 403, 403, 403, 200, 404, 200, 403, 404]],
  ['leader', [403, 403, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['member', [200, 404, 403, 403, 403, 403, 403, 200, 201, 404]],
  ['volunteer', [403, 403, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['resident', [403, 403, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['dept', [403, 403, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['property', [403, 403, 403, 403, 403, 403, 403, 403, 403, 403]],
  ['counit', [403, 403, 403, 403, 403, 403, 403, 403, 403, 403]],
];

describe('包保联户: role × scope × action', () => {
  it.each(MATRIX.map(([who, expected], i) => [who, expected, i] as const))('%s', async (who, expected, i) => {
    const s = await loginAs(ctx.app, who);
    const call = async (method: 'GET' | 'POST', url: string, payload?: object) =>
      (await ctx.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) })).statusCode;
    const { own, other } = places(ctx);
    // Each account opens its own round number, so a refusal is never a side effect of another's success.
    const round = (communityId: number) => ({
      communityId,
      no: 10 + i,
      title: `第${10 + i}轮`,
      startsOn: dayFromToday(30),
      endsOn: dayFromToday(50),
    });
    const visit = (houseNodeId: number, roundId: number) => ({
      roundId,
      houseNodeId,
      visitedOn: dayFromToday(0),
      metName: '户主',
    });
    const got = [
      await call('GET', `/api/contact/rounds?communityId=${own.id}`),
      await call('GET', `/api/contact/rounds?communityId=${other.id}`),
      await call('POST', '/api/contact/rounds', round(own.id)),
      await call('POST', '/api/contact/rounds', round(other.id)),
      await call('POST', '/api/contact/assignments', {
        contactUserId: await userId(ctx, 'member'),
        houseNodeIds: [ids.spareHouses[i]!],
      }),
      await call('GET', `/api/contact/rounds/${ids.ownRound}/coverage`),
      await call('GET', `/api/contact/rounds/${ids.otherRound}/coverage`),
      await call('GET', '/api/contact/my-households'),
      await call('POST', '/api/contact/visits', visit(ids.memberHouse, ids.ownRound)),
      await call('POST', '/api/contact/visits', visit(ids.otherHouse, ids.otherRound)),
    ];
    expect(got).toEqual(expected);
  });
});
