import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';

let ctx: TestContext;
let staff: Session;
let communityId: number;
beforeAll(async () => {
  ctx = await createTestApp();
  staff = await loginAs(ctx.app, 'staff');
  communityId = ctx.seed.tree.streets[0]!.communities[0]!.id;
});
afterAll(async () => {
  await ctx.close();
});

const count = async () => Number((await ctx.pool.query('select count(*) from volunteer_activities')).rows[0].count);
const post = (startsAt: unknown, endsAt: unknown = '2026-12-20T12:00:00+08:00') =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/volunteers/activities',
    headers: staff.headers,
    payload: { communityId, title: '红色星期六', place: '社区广场', startsAt, endsAt, capacity: 20 },
  });

describe('POST /api/volunteers/activities dates', () => {
  it.each([
    ['null (once stored as 1970)', null],
    ['a number (once read as epoch milliseconds)', 946684800000],
    ['junk', '下周六'],
    ['a date without a time zone', '2026-12-20T09:00:00'],
    ['an array', ['2026-12-20T09:00:00+08:00']],
  ])('refuse a start given as %s with 422 on startsAt and write nothing', async (_, startsAt) => {
    const before = await count();
    const res = await post(startsAt);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain('startsAt');
    expect(await count()).toBe(before);
  });

  it('take an ISO 8601 time with an offset and keep the instant', async () => {
    const res = await post('2026-12-20T09:00:00+08:00');
    expect(res.statusCode).toBeLessThan(300);
    const { rows } = await ctx.pool.query('select starts_at from volunteer_activities order by id desc limit 1');
    expect(new Date(rows[0].starts_at).toISOString()).toBe('2026-12-20T01:00:00.000Z');
  });
});
