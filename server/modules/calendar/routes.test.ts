import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestContext } from '../../test/test-app.ts';
import { loadWorkingCalendar } from '../../platform/calendar/load.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => {
  await ctx.close();
});

// 2027-01-01 10:00 in Shanghai: the package's 2026 data does not know it is New Year's Day.
const newYear2027 = new Date('2027-01-01T02:00:00Z');

describe('PUT /api/calendar/overrides/:date', () => {
  it("lets the district administrator enter next year's holiday, and deadlines follow it at once", async () => {
    expect((await loadWorkingCalendar(ctx.db)).isWorkingTime(newYear2027)).toBe(true);
    const admin = await loginAs(ctx.app, 'admin');
    const res = await ctx.app.inject({
      method: 'PUT',
      url: '/api/calendar/overrides/2027-01-01',
      headers: admin.headers,
      payload: { kind: 'holiday', note: '元旦' },
    });
    expect(res.statusCode).toBe(200);
    expect((await loadWorkingCalendar(ctx.db)).isWorkingTime(newYear2027)).toBe(false);
    const list = (
      await ctx.app.inject({ method: 'GET', url: '/api/calendar/overrides?year=2027', headers: admin.headers })
    ).json().data;
    expect(list).toMatchObject([{ date: '2027-01-01', kind: 'holiday', note: '元旦' }]);
  });

  it('is refused to a street administrator (403) and a malformed date gets 422', async () => {
    const street = await loginAs(ctx.app, 'street');
    expect(
      (
        await ctx.app.inject({
          method: 'PUT',
          url: '/api/calendar/overrides/2027-01-02',
          headers: street.headers,
          payload: { kind: 'holiday' },
        })
      ).statusCode,
    ).toBe(403);
    const admin = await loginAs(ctx.app, 'admin');
    const bad = await ctx.app.inject({
      method: 'PUT',
      url: '/api/calendar/overrides/2027-13-45x',
      headers: admin.headers,
      payload: { kind: 'holiday' },
    });
    expect(bad.statusCode).toBe(422);
  });
});
