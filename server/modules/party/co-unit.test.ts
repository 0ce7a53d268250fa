import { and, eq, gte, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTx } from '../../platform/db/tx.ts';
import { users } from '../accounts/schema.ts';
import { coUnits, partyOrgs } from '../org/schema.ts';
import { volunteerActivities, volunteerSignups } from '../volunteers/schema.ts';
import { createTestApp, loginAs, type TestContext } from '../../test/test-app.ts';
import { awardPoints } from './points.ts';
import { partyMembers, partyPoints } from './schema.ts';
import { seedParty } from './seed.ts';

let ctx: TestContext;
/** The demo contact's unit (区供电公司) and another unit. */
let unitA: number;
let unitB: number;
/** Members sent by unit A: in the demo community (seeded), in its sister community, in the other street. */
let sentHere: number[];
let sentSister: number;
let sentOtherStreet: number;
let gridOneSent: number[];

beforeAll(async () => {
  ctx = await createTestApp();
  await withTx(ctx.db, (tx) => seedParty(tx, ctx.seed.tree));
  const [counit] = await ctx.db.select({ coUnitId: users.coUnitId }).from(users).where(eq(users.username, 'counit'));
  unitA = counit!.coUnitId!;
  unitB = (await ctx.db.select({ id: coUnits.id }).from(coUnits).where(eq(coUnits.name, '区人民医院')))[0]!.id;
  const [s1, s2] = ctx.seed.tree.streets;
  const branchOf = async (gridId: number) =>
    (
      await ctx.db
        .select()
        .from(partyOrgs)
        .where(and(eq(partyOrgs.nodeId, gridId), eq(partyOrgs.kind, 'grid_branch')))
    )[0]!;
  const seeded = await ctx.db
    .select({ id: partyMembers.id, branchOrgId: partyMembers.branchOrgId })
    .from(partyMembers)
    .where(eq(partyMembers.coUnitId, unitA));
  sentHere = seeded.map((m) => m.id);
  const gridOneBranch = await branchOf(s1!.communities[0]!.grids[0]!.id);
  gridOneSent = seeded.filter((m) => m.branchOrgId === gridOneBranch.id).map((m) => m.id);
  const add = async (gridId: number, communityId: number, coUnitId: number, name: string) => {
    const b = await branchOf(gridId);
    const [row] = await ctx.db
      .insert(partyMembers)
      .values({
        name,
        kind: 'in_service',
        branchOrgId: b.id,
        branchPath: b.scopePath,
        homeCommunityId: communityId,
        coUnitId,
        workUnit: '单位',
      })
      .returning({ id: partyMembers.id });
    return row!.id;
  };
  sentSister = await add(s1!.communities[1]!.grids[0]!.id, s1!.communities[1]!.id, unitA, '姐妹社区党员');
  sentOtherStreet = await add(s2!.communities[0]!.grids[0]!.id, s2!.communities[0]!.id, unitA, '外街道党员');
  await add(s1!.communities[0]!.grids[0]!.id, s1!.communities[0]!.id, unitB, '医院党员');
});
afterAll(async () => {
  await ctx.close();
});

async function membersOf(username: string, unit: number) {
  const s = await loginAs(ctx.app, username);
  const res = await ctx.app.inject({
    method: 'GET',
    url: `/api/party/co-units/${unit}/members?pageSize=100`,
    headers: s.headers,
  });
  return {
    status: res.statusCode,
    ids: res.statusCode === 200 ? (res.json().data as { id: number }[]).map((m) => m.id).sort((a, b) => a - b) : null,
  };
}

describe('co-building unit members: scope matrix', () => {
  it('has seeded in-service members sent by the demo unit', () => {
    expect(sentHere.length).toBeGreaterThan(0);
    expect(gridOneSent.length).toBeGreaterThan(0);
  });

  // Unit A's members each role sees (null = refused with the status).
  const sorted = (ids: number[]): number[] => [...ids].sort((a, b) => a - b);
  it.each<[string, number, () => number[] | null]>([
    ['counit', 200, () => sorted([...sentHere, sentSister, sentOtherStreet])],
    ['admin', 200, () => sorted([...sentHere, sentSister, sentOtherStreet])],
    ['street', 200, () => sorted([...sentHere, sentSister])],
    ['secretary', 200, () => sorted(sentHere)],
    ['staff', 200, () => sorted(sentHere)],
    ['gridworker', 200, () => sorted(gridOneSent)],
    ['member', 403, () => null],
    ['volunteer', 403, () => null],
    ['resident', 403, () => null],
    ['leader', 403, () => null],
    ['dept', 403, () => null],
    ['property', 403, () => null],
  ])('%s', async (username, status, expected) => {
    expect(await membersOf(username, unitA)).toEqual({ status, ids: expected() });
  });

  it('keeps another unit and its members from the contact (404)', async () => {
    expect((await membersOf('counit', unitB)).status).toBe(404);
    expect((await membersOf('admin', unitB)).ids).toHaveLength(1);
  });

  it('tells the contact which unit they speak for', async () => {
    const s = await loginAs(ctx.app, 'counit');
    const res = await ctx.app.inject({ method: 'GET', url: '/api/party/co-units/mine', headers: s.headers });
    expect(res.json().data).toMatchObject({ id: unitA, name: '区供电公司' });
    const other = await loginAs(ctx.app, 'secretary');
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/party/co-units/mine', headers: other.headers })).statusCode,
    ).toBe(404);
  });
});

describe('dual registration naming a co-building unit', () => {
  it('refuses a unit for members who are not in service, and a unit that does not exist (422, Chinese field errors)', async () => {
    const s = await loginAs(ctx.app, 'member');
    const community = ctx.seed.tree.streets[0]!.communities[1]!.id;
    const retired = await ctx.app.inject({
      method: 'POST',
      url: '/api/party/me/registration',
      headers: s.headers,
      payload: { communityId: community, kind: 'retired', coUnitId: unitA },
    });
    expect(retired.statusCode).toBe(422);
    expect(retired.json().error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'coUnitId', message: expect.stringMatching(/在职党员/) }),
      ]),
    );
    const missing = await ctx.app.inject({
      method: 'POST',
      url: '/api/party/me/registration',
      headers: s.headers,
      payload: { communityId: community, kind: 'in_service', coUnitId: 999_999 },
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.details[0]).toMatchObject({ path: 'coUnitId', message: '共建单位不存在' });
  });

  it('links the member to the unit, which then sees their points, hours and posts in the community', async () => {
    const member = await loginAs(ctx.app, 'member');
    const sister = ctx.seed.tree.streets[0]!.communities[1]!;
    const reg = await ctx.app.inject({
      method: 'POST',
      url: '/api/party/me/registration',
      headers: member.headers,
      payload: { communityId: sister.id, kind: 'in_service', coUnitId: unitA },
    });
    expect(reg.statusCode).toBe(200);
    expect(reg.json().data).toMatchObject({ workUnit: '区供电公司', coUnitId: unitA, registrationState: 'pending' });
    const me = reg.json().data as { id: number; version: number; userId: number };
    const street = await loginAs(ctx.app, 'street');
    const decided = await ctx.app.inject({
      method: 'POST',
      url: `/api/party/members/${me.id}/registration/decision`,
      headers: street.headers,
      payload: { decision: 'confirm', version: me.version },
    });
    expect(decided.statusCode).toBe(200);

    // Service in the sister community: a case accepted (+2 there) and a 3-hour volunteer activity.
    await withTx(ctx.db, (tx) =>
      awardPoints(tx, {
        memberId: me.id,
        sourceKind: 'case.accepted',
        sourceId: 'co-unit-case',
        occurredAt: new Date(),
      }),
    );
    const start = new Date(Date.now() - 5 * 3600_000);
    const [activity] = await ctx.db
      .insert(volunteerActivities)
      .values({
        communityId: sister.id,
        communityPath: sister.path,
        title: '红色星期六',
        place: '广场',
        startsAt: start,
        endsAt: new Date(start.getTime() + 3 * 3600_000),
        capacity: 10,
        checkinCode: 'abcdef',
        createdBy: me.userId,
      })
      .returning();
    await ctx.db.insert(volunteerSignups).values({
      activityId: activity!.id,
      userId: me.userId,
      userName: '党员',
      status: 'confirmed',
      checkedInAt: start,
      checkedOutAt: new Date(start.getTime() + 3 * 3600_000),
      minutes: 180,
    });

    const counit = await loginAs(ctx.app, 'counit');
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/party/co-units/${unitA}/members?pageSize=100`,
      headers: counit.headers,
    });
    const row = (res.json().data as { id: number }[]).find((m) => m.id === me.id);
    expect(row).toMatchObject({
      registrationState: 'confirmed',
      communityName: sister.name,
      hours: { year: 3, total: 3 },
      records: expect.any(Number),
    });
    const yearStart = new Date(Date.UTC(new Date().getUTCFullYear(), 0, 1) - 8 * 3600_000);
    const [sum] = await ctx.db
      .select({ n: sql<number>`coalesce(sum(points), 0)::int` })
      .from(partyPoints)
      .where(and(eq(partyPoints.memberId, me.id), gte(partyPoints.occurredAt, yearStart)));
    const summary = row as unknown as { points: { year: number; total: number }; posts: string[] };
    expect(summary.points.year).toBe(sum!.n);
    expect(summary.points.year).toBeGreaterThanOrEqual(2);
    // The demo member holds approved posts (seed): the unit sees which.
    expect(summary.posts.length).toBeGreaterThan(0);
  });
});
