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
  await ctx.db.insert(users).values(Array.from({ length: 12 }, (_, i) => ({ username: `v${i}`, displayName: `志愿者${i}`, passwordHash, role: 'resident' as const, scopeNodeId: building })));
  staff = await loginAs(ctx.app, 'staff');
  for (let i = 0; i < 12; i++) people.push(await loginAs(ctx.app, `v${i}`));
});
afterAll(async () => { await ctx.close(); });

async function newActivity(capacity: number, startsAt = new Date(Date.now() + 3600_000), hours = 3) {
  const res = await ctx.app.inject({ method: 'POST', url: '/api/volunteers/activities', headers: staff.headers, payload: {
    communityId, title: '红色星期六', place: '社区广场', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + hours * 3600_000).toISOString(), capacity } });
  expect(res.statusCode).toBe(201);
  return res.json().data as { id: number; checkinCode: string };
}

describe('sign-up under concurrency', () => {
  it('never confirms more volunteers than the capacity; the rest wait', async () => {
    const activity = await newActivity(5);
    const results = await Promise.all(people.map((p) => ctx.app.inject({ method: 'POST', url: `/api/volunteers/activities/${activity.id}/signups`, headers: p.headers })));
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    const statuses = results.map((r) => r.json().data.status);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(5);
    expect(statuses.filter((s) => s === 'waiting')).toHaveLength(7);
    const [row] = await ctx.db.select().from(volunteerActivities).where(eq(volunteerActivities.id, activity.id));
    const [confirmed] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(volunteerSignups).where(and(eq(volunteerSignups.activityId, activity.id), eq(volunteerSignups.status, 'confirmed')));
    expect([row!.confirmedCount, confirmed!.n]).toEqual([5, 5]);
  });

  it('gives a freed place to the first on the waiting list', async () => {
    const activity = await newActivity(1);
    for (const p of people.slice(0, 3)) await ctx.app.inject({ method: 'POST', url: `/api/volunteers/activities/${activity.id}/signups`, headers: p.headers });
    const cancel = await ctx.app.inject({ method: 'DELETE', url: `/api/volunteers/activities/${activity.id}/signups/me`, headers: people[0]!.headers });
    expect(cancel.statusCode).toBe(204);
    const rows = await ctx.db.select().from(volunteerSignups).where(eq(volunteerSignups.activityId, activity.id)).orderBy(volunteerSignups.id);
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
    const [signup] = await ctx.db.insert(volunteerSignups).values({ activityId: activity.id, userId: memberUser!.id, userName: '党员', status: 'confirmed' }).returning();
    const wrong = await ctx.app.inject({ method: 'POST', url: `/api/volunteers/activities/${activity.id}/check-in`, headers: member.headers, payload: { code: 'nope-nope' } });
    expect(wrong.statusCode).toBe(422);
    await recordAttendance(ctx.db, { userId: memberUser!.id } as never, activity.id, 'in', { code: activity.checkinCode }, start);
    const out = await ctx.app.inject({ method: 'POST', url: `/api/volunteers/activities/${activity.id}/check-out`, headers: staff.headers, payload: { signupIds: [signup!.id] } });
    expect(out.statusCode).toBe(200);
    expect(out.json().data[0].minutes).toBe(180);
    const again = await ctx.app.inject({ method: 'POST', url: `/api/volunteers/activities/${activity.id}/check-out`, headers: staff.headers, payload: { signupIds: [signup!.id] } });
    expect(again.statusCode).toBe(409);
    const pts = await ctx.db.select().from(partyPoints).where(and(eq(partyPoints.sourceKind, 'volunteer.hour'), eq(partyPoints.sourceId, String(signup!.id))));
    expect(pts.map((p) => p.points)).toEqual([3]);
    const me = await ctx.app.inject({ method: 'GET', url: '/api/volunteers/me', headers: member.headers });
    expect(me.json().data.totalHours).toBe(3);
  });

  it('lets only staff in scope take attendance from the list (403 for a resident)', async () => {
    const activity = await newActivity(2);
    const res = await ctx.app.inject({ method: 'POST', url: `/api/volunteers/activities/${activity.id}/check-in`, headers: people[1]!.headers, payload: { signupIds: [1] } });
    expect(res.statusCode).toBe(403);
  });
});
