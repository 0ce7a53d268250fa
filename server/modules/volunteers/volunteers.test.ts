import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { withTx } from '../../platform/db/tx.ts';
import { users } from '../accounts/schema.ts';
import { seedParty } from '../party/index.ts';
import { partyPoints } from '../party/schema.ts';
import { createTestApp, loginAs, TEST_PASSWORD, type Session, type TestContext } from '../../test/test-app.ts';
import { recordAttendance, serviceMinutes } from './commands/attendance.ts';
import { volunteerActivities, volunteerSignups } from './schema.ts';

let ctx: TestContext;
let staff: Session;
let communityId: number;
const people: Session[] = [];

beforeAll(async () => {
  ctx = await createTestApp();
  await withTx(ctx.db, (tx) => seedParty(tx, ctx.seed.tree));
  communityId = ctx.seed.tree.streets[0]!.communities[0]!.id;
  const building = ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!.buildingIds[0]!;
  const passwordHash = await hashPassword(TEST_PASSWORD);
  await ctx.db.insert(users).values(
    Array.from({ length: 12 }, (_, i) => ({
      username: `v${i}`,
      displayName: `志愿者${i}`,
      passwordHash,
      role: 'resident' as const,
      scopeNodeId: building,
    })),
  );
  staff = await loginAs(ctx.app, 'staff');
  for (let i = 0; i < 12; i++) people.push(await loginAs(ctx.app, `v${i}`));
});
afterAll(async () => {
  await ctx.close();
});

async function newActivity(capacity: number, startsAt = new Date(Date.now() + 3600_000), hours = 3) {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/volunteers/activities',
    headers: staff.headers,
    payload: {
      communityId,
      title: '红色星期六',
      place: '社区广场',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + hours * 3600_000).toISOString(),
      capacity,
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json().data as { id: number; checkinCode: string };
}

describe('sign-up under concurrency', () => {
  it('never confirms more volunteers than the capacity; the rest wait', async () => {
    const activity = await newActivity(5);
    const results = await Promise.all(
      people.map((p) =>
        ctx.app.inject({
          method: 'POST',
          url: `/api/volunteers/activities/${activity.id}/signups`,
          headers: p.headers,
        }),
      ),
    );
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    const statuses = results.map((r) => r.json().data.status);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(5);
    expect(statuses.filter((s) => s === 'waiting')).toHaveLength(7);
    const [row] = await ctx.db.select().from(volunteerActivities).where(eq(volunteerActivities.id, activity.id));
    const [confirmed] = await ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(volunteerSignups)
      .where(and(eq(volunteerSignups.activityId, activity.id), eq(volunteerSignups.status, 'confirmed')));
    expect([row!.confirmedCount, confirmed!.n]).toEqual([5, 5]);
  });

  it('gives a freed place to the first on the waiting list', async () => {
    const activity = await newActivity(1);
    for (const p of people.slice(0, 3))
      await ctx.app.inject({
        method: 'POST',
        url: `/api/volunteers/activities/${activity.id}/signups`,
        headers: p.headers,
      });
    const cancel = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/volunteers/activities/${activity.id}/signups/me`,
      headers: people[0]!.headers,
    });
    expect(cancel.statusCode).toBe(204);
    const rows = await ctx.db
      .select()
      .from(volunteerSignups)
      .where(eq(volunteerSignups.activityId, activity.id))
      .orderBy(volunteerSignups.id);
    expect(rows.map((r) => r.status)).toEqual(['cancelled', 'confirmed', 'waiting']);
  });

  it('refuses a second sign-up by the same person (409)', async () => {
    const activity = await newActivity(3);
    const url = `/api/volunteers/activities/${activity.id}/signups`;
    await ctx.app.inject({ method: 'POST', url, headers: people[0]!.headers });
    expect((await ctx.app.inject({ method: 'POST', url, headers: people[0]!.headers })).statusCode).toBe(409);
  });
});

describe('attendance and hours', () => {
  it('counts only the time inside the activity', () => {
    const t = (h: number) => new Date(Date.UTC(2026, 4, 1, h));
    expect(serviceMinutes(t(8), t(13), t(9), t(12))).toBe(180);
    expect(serviceMinutes(t(10), t(11), t(9), t(12))).toBe(60);
  });

  it('checks in by code, checks out from the staff list, credits hours and the member’s points once', async () => {
    const start = new Date(Date.now() - 4 * 3600_000);
    const activity = await newActivity(10, start, 3);
    const member = await loginAs(ctx.app, 'member');
    // Sign-up closes at the end of the activity, so this one is set up directly as if signed up before.
    const [memberUser] = await ctx.db.select().from(users).where(eq(users.username, 'member'));
    const [signup] = await ctx.db
      .insert(volunteerSignups)
      .values({ activityId: activity.id, userId: memberUser!.id, userName: '党员', status: 'confirmed' })
      .returning();
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: `/api/volunteers/activities/${activity.id}/check-in`,
      headers: member.headers,
      payload: { code: 'nope-nope' },
    });
    expect(wrong.statusCode).toBe(422);
    await recordAttendance(
      ctx.db,
      { userId: memberUser!.id } as never,
      activity.id,
      'in',
      { code: activity.checkinCode },
      start,
    );
    const out = await ctx.app.inject({
      method: 'POST',
      url: `/api/volunteers/activities/${activity.id}/check-out`,
      headers: staff.headers,
      payload: { signupIds: [signup!.id] },
    });
    expect(out.statusCode).toBe(200);
    expect(out.json().data[0].minutes).toBe(180);
    const again = await ctx.app.inject({
      method: 'POST',
      url: `/api/volunteers/activities/${activity.id}/check-out`,
      headers: staff.headers,
      payload: { signupIds: [signup!.id] },
    });
    expect(again.statusCode).toBe(409);
    const pts = await ctx.db
      .select()
      .from(partyPoints)
      .where(and(eq(partyPoints.sourceKind, 'volunteer.hour'), eq(partyPoints.sourceId, String(signup!.id))));
    expect(pts.map((p) => p.points)).toEqual([3]);
    const me = await ctx.app.inject({ method: 'GET', url: '/api/volunteers/me', headers: member.headers });
    expect(me.json().data.totalHours).toBe(3);
  });

  it('lets only staff in scope take attendance from the list (403 for a resident)', async () => {
    const activity = await newActivity(2);
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/volunteers/activities/${activity.id}/check-in`,
      headers: people[1]!.headers,
      payload: { signupIds: [1] },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('teams: create, edit, leader', () => {
  const createTeamAs = (s: Session, payload: Record<string, unknown>) =>
    ctx.app.inject({ method: 'POST', url: '/api/volunteers/teams', headers: s.headers, payload });

  it('creates a team with a leader from the community, renames it and changes or removes the leader', async () => {
    const candidates = (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/volunteers/communities/${communityId}/leader-candidates?q=${encodeURIComponent('志愿者1')}`,
        headers: staff.headers,
      })
    ).json().data as { id: number; displayName: string }[];
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.every((c) => c.displayName.includes('志愿者1'))).toBe(true);
    const created = await createTeamAs(staff, { communityId, name: '党员志愿先锋队', leaderUserId: candidates[0]!.id });
    expect(created.statusCode).toBe(201);
    expect(created.json().data).toMatchObject({ leaderName: candidates[0]!.displayName });
    const id = created.json().data.id as number;
    const [other] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, 'v2'));
    const edited = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/volunteers/teams/${id}`,
      headers: staff.headers,
      payload: { name: '红色先锋队', leaderUserId: other!.id },
    });
    expect(edited.json().data).toMatchObject({ name: '红色先锋队', leaderUserId: other!.id, leaderName: '志愿者2' });
    const cleared = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/volunteers/teams/${id}`,
      headers: staff.headers,
      payload: { leaderUserId: null },
    });
    expect(cleared.json().data).toMatchObject({ name: '红色先锋队', leaderUserId: null, leaderName: null });
    const teams = await ctx.app.inject({ method: 'GET', url: '/api/volunteers/teams', headers: staff.headers });
    expect(teams.statusCode, teams.body).toBe(200);
    const list = teams.json().data as { id: number; name: string }[];
    expect(list.find((t) => t.id === id)?.name).toBe('红色先锋队');
  });

  it('refuses a leader from outside the community and a duplicate name, on the field, in Chinese', async () => {
    const [outsider] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, 'dept'));
    const res = await createTeamAs(staff, { communityId, name: '外援队', leaderUserId: outsider!.id });
    expect([res.statusCode, res.json().error.details]).toEqual([
      422,
      [{ path: 'leaderUserId', message: '队长须为本社区的党员、志愿者或居民账号' }],
    ]);
    await createTeamAs(staff, { communityId, name: '巡防队' });
    const dup = await createTeamAs(staff, { communityId, name: '巡防队' });
    expect([dup.statusCode, dup.json().error.details]).toEqual([
      409,
      [{ path: 'name', message: '本社区已有同名队伍' }],
    ]);
    const short = await createTeamAs(staff, { communityId, name: '巡' });
    expect(short.json().error.details).toEqual([{ path: 'name', message: '队伍名称至少 2 个字' }]);
  });

  it('lets no resident edit a team (403), and no staff of another community see it (404)', async () => {
    const created = await createTeamAs(staff, { communityId, name: '环保队' });
    const id = created.json().data.id as number;
    const patch = (s: Session) =>
      ctx.app
        .inject({
          method: 'PATCH',
          url: `/api/volunteers/teams/${id}`,
          headers: s.headers,
          payload: { name: '环保小队' },
        })
        .then((r) => r.statusCode);
    expect(await patch(people[0]!)).toBe(404);
    expect(await patch(await loginAs(ctx.app, 'volunteer'))).toBe(403);
    expect(await patch(await loginAs(ctx.app, 'street'))).toBe(200);
  });
});

describe('publishing an activity', () => {
  it('answers Chinese field errors for a missing place and an end before the start', async () => {
    const startsAt = new Date(Date.now() + 3600_000);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/volunteers/activities',
      headers: staff.headers,
      payload: {
        communityId,
        title: '红色星期六',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() - 60_000).toISOString(),
        capacity: 0,
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual(
      expect.arrayContaining([
        { path: 'place', message: '请填写活动地点' },
        { path: 'capacity', message: '人数上限至少 1 人' },
      ]),
    );
  });
});
