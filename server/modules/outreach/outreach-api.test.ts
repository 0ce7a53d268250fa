import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { communities, memberElsewhere, memberIn, workerOf } from './testing/outreach-fixture.ts';
import { shanghaiYear } from '../../platform/calendar/local-day.ts';

let ctx: TestContext;
let member: Session;
let resident: Session;
let secretary: Session;

beforeAll(async () => {
  ctx = await createTestApp();
  member = await loginAs(ctx.app, 'member');
  resident = await loginAs(ctx.app, 'resident');
  secretary = await loginAs(ctx.app, 'secretary');
});
afterAll(async () => {
  await ctx.close();
});

const call = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });

describe('党员户 on the 党群连心墙', () => {
  it('shows a member’s home only after they opt in: name, building and this year’s commitment, nothing else', async () => {
    expect((await call(member, 'GET', '/api/outreach/household')).json().data).toMatchObject({
      optedIn: false,
      hasHome: true,
    });
    const published = await call(member, 'POST', '/api/party/me/commitments', {
      year: shanghaiYear(),
      content: '每月参加一次楼道清洁',
    });
    expect(published.statusCode).toBe(201);
    const { rows } = await ctx.pool.query(
      `select name from party_members where user_id = (select id from users where username = 'member')`,
    );
    const wallNames = async () =>
      (await call(resident, 'GET', '/api/outreach/wall')).json().data.households.map((h: { name: string }) => h.name);
    expect(await wallNames()).not.toContain(rows[0].name);
    expect((await call(member, 'PUT', '/api/outreach/household', { optIn: true })).statusCode).toBe(200);
    const wall = (await call(resident, 'GET', '/api/outreach/wall')).json().data;
    const entry = wall.households.find((h: { name: string }) => h.name === rows[0].name);
    expect(Object.keys(entry).sort()).toEqual(['building', 'commitments', 'name']);
    expect(entry.building).toMatch(/\S/);
    expect(entry.commitments).toEqual([{ content: '每月参加一次楼道清洁', state: 'published' }]);
    expect(wall.community).toBe(communities(ctx).own.name);
    expect((await call(member, 'PUT', '/api/outreach/household', { optIn: false })).statusCode).toBe(200);
    expect(await wallNames()).not.toContain(rows[0].name);
    // Residents of another community never see this wall.
    const other = await call(resident, 'GET', `/api/outreach/wall?communityId=${communities(ctx).other.id}`);
    expect(other.statusCode).toBe(404);
  });
});

describe('一区两员', () => {
  it('shows the resident the zone of their building, its two members and the commitments', async () => {
    const { own } = communities(ctx);
    const grid = own.grids[0]!;
    const candidates = (await call(secretary, 'GET', '/api/outreach/zone-candidates')).json().data;
    expect(candidates.buildings.length).toBeGreaterThan(0);
    const memberId = await memberIn(ctx, grid.path);
    const zone = {
      communityId: own.id,
      name: '一号责任区',
      buildingNodeIds: grid.buildingIds.slice(0, 2),
      responsibilityMemberId: memberId,
      serviceUserId: await workerOf(ctx, grid.id),
    };
    expect((await call(resident, 'GET', '/api/outreach/my-zone')).json().data).toBeNull();
    const created = await call(secretary, 'POST', '/api/outreach/zones', zone);
    expect(created.statusCode).toBe(201);
    const mine = (await call(resident, 'GET', '/api/outreach/my-zone')).json().data;
    expect(mine.name).toBe('一号责任区');
    expect(mine.responsibilityMember.id).toBe(memberId);
    expect(mine.serviceMember.id).toBe(zone.serviceUserId);
    expect(mine.buildings.map((b: { id: number }) => b.id).sort()).toEqual([...zone.buildingNodeIds].sort());
    expect(Array.isArray(mine.commitments)).toBe(true);
  });

  it('keeps a building in one zone and checks both members; a refused zone writes nothing', async () => {
    const { own } = communities(ctx);
    const grid = own.grids[0]!;
    const base = {
      communityId: own.id,
      name: '二号责任区',
      buildingNodeIds: [grid.buildingIds[1]!, grid.buildingIds[2]!],
      responsibilityMemberId: await memberIn(ctx, grid.path),
      serviceUserId: await workerOf(ctx, grid.id),
    };
    const taken = await call(secretary, 'POST', '/api/outreach/zones', base);
    expect(taken.statusCode).toBe(422);
    expect(taken.json().error.details[0].path).toBe('buildingNodeIds');
    const residentId = (await ctx.pool.query(`select id from users where username = 'resident'`)).rows[0].id;
    const badStaff = await call(secretary, 'POST', '/api/outreach/zones', {
      ...base,
      buildingNodeIds: [grid.buildingIds[2]!],
      serviceUserId: residentId,
    });
    expect(badStaff.statusCode).toBe(422);
    expect(badStaff.json().error.details[0].path).toBe('serviceUserId');
    const otherMember = await memberElsewhere(ctx, communities(ctx).other);
    const badMember = await call(secretary, 'POST', '/api/outreach/zones', {
      ...base,
      buildingNodeIds: [grid.buildingIds[2]!],
      responsibilityMemberId: otherMember,
    });
    expect(badMember.statusCode).toBe(422);
    expect(badMember.json().error.details[0].path).toBe('responsibilityMemberId');
    const { rows } = await ctx.pool.query(`select count(*)::int n from outreach_zones where name = '二号责任区'`);
    expect(rows[0].n).toBe(0);
  });
});
