import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { dayFromToday, housesOfBuilding, places, userId } from './testing/contact-fixture.ts';

let ctx: TestContext;
let secretary: Session;
let member: Session;
let roundId: number;
let houses: number[];

beforeAll(async () => {
  ctx = await createTestApp();
  secretary = await loginAs(ctx.app, 'secretary');
  member = await loginAs(ctx.app, 'member');
});
afterAll(async () => {
  await ctx.close();
});

const post = (s: Session, url: string, payload: unknown) =>
  ctx.app.inject({ method: 'POST', url, headers: s.headers, payload: payload as object });
const get = (s: Session, url: string) => ctx.app.inject({ method: 'GET', url, headers: s.headers });
const count = async (sqlText: string, params: unknown[] = []) =>
  Number((await ctx.pool.query(sqlText, params)).rows[0].n);

describe('包保联户 end to end', () => {
  it('opens a round; a duplicate number or reversed period is a 422 naming the field', async () => {
    const { own } = places(ctx);
    const body = {
      communityId: own.id,
      no: 1,
      title: '第1轮入户走访',
      startsOn: dayFromToday(-5),
      endsOn: dayFromToday(10),
    };
    const res = await post(secretary, '/api/contact/rounds', body);
    expect(res.statusCode).toBe(201);
    roundId = res.json().data.id;
    const dup = await post(secretary, '/api/contact/rounds', body);
    expect(dup.statusCode).toBe(422);
    expect(dup.json().error.details[0].path).toBe('no');
    const reversed = await post(secretary, '/api/contact/rounds', { ...body, no: 2, endsOn: dayFromToday(-10) });
    expect(reversed.statusCode).toBe(422);
    expect(reversed.json().error.details[0].path).toBe('endsOn');
    expect(await count('select count(*) n from contact_rounds')).toBe(1);
  });

  it('assigns a building’s houses to a party member, never to a resident', async () => {
    const building = places(ctx).own.grids[0]!.buildingIds[0]!;
    houses = await housesOfBuilding(ctx, building);
    expect(houses.length).toBeGreaterThan(1);
    const toResident = await post(secretary, '/api/contact/assignments', {
      contactUserId: await userId(ctx, 'resident'),
      buildingNodeId: building,
    });
    expect(toResident.statusCode).toBe(422);
    expect(toResident.json().error.details[0].path).toBe('contactUserId');
    const res = await post(secretary, '/api/contact/assignments', {
      contactUserId: await userId(ctx, 'member'),
      buildingNodeId: building,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().data.assigned).toBe(houses.length);
    const mine = (await get(member, '/api/contact/my-households')).json().data;
    expect(mine.round.id).toBe(roundId);
    expect(mine.households.map((h: { houseNodeId: number }) => h.houseNodeId).sort()).toEqual([...houses].sort());
    expect(mine.households.every((h: { visitedOn: string | null }) => h.visitedOn === null)).toBe(true);
  });

  it('records a visit whose opinion becomes a case (入户走访) in the same write', async () => {
    const res = await post(member, '/api/contact/visits', {
      roundId,
      houseNodeId: houses[0],
      visitedOn: dayFromToday(0),
      metName: '王秀英',
      note: '了解独居老人近况',
      opinions: [{ text: '楼道声控灯坏了，晚上看不见', toCase: true }, { text: '希望多组织义诊' }],
    });
    expect(res.statusCode).toBe(201);
    const visit = res.json().data;
    const caseId = visit.opinions[0].caseId;
    expect(caseId).toBeTypeOf('number');
    expect(visit.opinions[1].caseId).toBeNull();
    const [row] = (
      await ctx.pool.query('select source, reporter_name, community_id, state from cases where id = $1', [caseId])
    ).rows;
    expect(row).toMatchObject({
      source: 'visit',
      reporter_name: '王秀英',
      community_id: places(ctx).own.id,
      state: 'reported',
    });
    expect(await count(`select count(*) n from audit_log where action = 'contact.visit'`)).toBe(1);
    const mine = (await get(member, '/api/contact/my-households')).json().data.households;
    expect(mine.find((h: { houseNodeId: number }) => h.houseNodeId === houses[0]).visitedOn).toBe(dayFromToday(0));
    const history = (await get(member, `/api/contact/households/${houses[0]}/visits`)).json().data;
    expect(history).toHaveLength(1);
    expect(history[0].opinions).toHaveLength(2);
  });

  it('writes nothing when the case cannot be filed, and refuses visits outside the round', async () => {
    const before = await count('select count(*) n from contact_visits');
    const cases = await count('select count(*) n from cases');
    const bad = await post(member, '/api/contact/visits', {
      roundId,
      houseNodeId: houses[1],
      visitedOn: dayFromToday(0),
      metName: '李强',
      opinions: [{ text: '路面破损', toCase: true, categoryId: 999999 }],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details[0].path).toBe('opinions.0.categoryId');
    const late = await post(member, '/api/contact/visits', {
      roundId,
      houseNodeId: houses[1],
      visitedOn: dayFromToday(30),
      metName: '李强',
    });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.details[0].path).toBe('visitedOn');
    expect(await count('select count(*) n from contact_visits')).toBe(before);
    expect(await count('select count(*) n from cases')).toBe(cases);
    expect(
      await count('select count(*) n from contact_opinions where case_id is null and text = $1', ['路面破损']),
    ).toBe(0);
  });

  it('counts coverage per grid: assigned, visited, per cent, opinions, cases', async () => {
    const res = await get(secretary, `/api/contact/rounds/${roundId}/coverage`);
    expect(res.statusCode).toBe(200);
    const { grids, total } = res.json().data;
    const grid = grids.find((g: { gridId: number }) => g.gridId === places(ctx).own.grids[0]!.id);
    expect(grid).toMatchObject({ assigned: houses.length, visited: 1, opinions: 2, cases: 1 });
    expect(grid.coveredPct).toBe(Math.round((1 / houses.length) * 1000) / 10);
    expect(total).toMatchObject({ assigned: houses.length, visited: 1, opinions: 2, cases: 1 });
    expect(grids.length).toBe(places(ctx).own.grids.length);
    // The grid worker sees their own grid only.
    const gw = (await get(await loginAs(ctx.app, 'gridworker'), `/api/contact/rounds/${roundId}/coverage`)).json().data;
    expect(gw.grids.map((g: { gridId: number }) => g.gridId)).toEqual([places(ctx).own.grids[0]!.id]);
  });
});
