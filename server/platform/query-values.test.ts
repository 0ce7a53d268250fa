import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../test/test-app.ts';

let ctx: TestContext;
let staff: Session;
beforeAll(async () => {
  ctx = await createTestApp();
  staff = await loginAs(ctx.app, 'staff');
});
afterAll(async () => {
  await ctx.close();
});

const get = (url: string) => ctx.app.inject({ method: 'GET', url, headers: staff.headers });

describe('numbers and flags in query strings', () => {
  it.each(['0x10', '1e1', 'Infinity', '', ' ', '10abc', '0b11'])(
    'refuse pageSize=%j with 422 naming the field (no hex, exponent or empty-as-zero)',
    async (value) => {
      const res = await get(`/api/cases?pageSize=${encodeURIComponent(value)}`);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.details).toEqual([{ path: 'querystring.pageSize', message: '须为十进制数字' }]);
    },
  );

  it('take plain decimals', async () => {
    const res = await get('/api/cases?pageSize=5&page=1');
    expect(res.statusCode).toBe(200);
    expect(res.json().data.length).toBeLessThanOrEqual(5);
  });

  it('read unread=false as false and refuse a flag that is neither', async () => {
    const all = (await get('/api/notifications?pageSize=100')).json().data as { readAt: string | null }[];
    const unreadOnly = (await get('/api/notifications?pageSize=100&unread=true')).json().data as unknown[];
    const notUnread = (await get('/api/notifications?pageSize=100&unread=false')).json().data as unknown[];
    expect(unreadOnly.length).toBe(all.filter((n) => n.readAt === null).length);
    // `z.coerce.boolean()` read the text 'false' as true: it filtered to unread notices.
    expect(notUnread.length).toBe(all.length);
    expect((await get('/api/notifications?unread=maybe')).statusCode).toBe(422);
  });
});
