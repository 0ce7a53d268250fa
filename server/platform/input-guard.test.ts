import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../test/test-app.ts';

let ctx: TestContext;
let resident: Session;
beforeAll(async () => {
  ctx = await createTestApp();
  resident = await loginAs(ctx.app, 'resident');
});
afterAll(async () => {
  await ctx.close();
});

const countCases = async () => Number((await ctx.pool.query('select count(*) from cases')).rows[0].count);

describe('strings with NUL or lone surrogates', () => {
  it.each([
    ['a NUL byte', { title: '路灯不亮', description: '晚上\u0000全黑' }, 'description'],
    ['a lone high surrogate', { title: '井盖\uD83D缺失', description: '小区门口' }, 'title'],
    ['a lone low surrogate', { title: '噪音扰民', description: '\uDE00夜间施工' }, 'description'],
  ])('refuse a report holding %s with 422 on the field and write nothing', async (_, body, path) => {
    const before = await countCases();
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: resident.headers,
      payload: { ...body, address: '某路 1 号' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([{ path, message: expect.stringContaining('空字符') }]);
    expect(await countCases()).toBe(before);
  });

  it('refuse them in a query string too', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/org/communities?q=%00', headers: resident.headers });
    expect(res.statusCode).toBe(422);
  });

  it('let a real emoji (a surrogate pair) through', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: resident.headers,
      payload: { title: '路灯不亮 💡', description: '晚上全黑', address: '某路 1 号' },
    });
    expect(res.statusCode).toBe(201);
  });
});

describe('numbers in JSON bodies', () => {
  // JSON has numbers: a string or a one-element array that happens to hold digits is a client bug
  // (or a probe), and coercing it would store whatever Number() makes of it.
  it.each([
    ['a string', { lng: '120.62', lat: 31.3 }, 'lng'],
    ['an array', { lng: 120.62, lat: [31.3] }, 'lat'],
    ['null', { lng: null, lat: 31.3 }, 'lng'],
    ['a boolean', { lng: 120.62, lat: true }, 'lat'],
  ])('refuse a map pin given as %s with 422 on the field and write nothing', async (_, pin, path) => {
    const before = await countCases();
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: resident.headers,
      payload: { title: '路灯不亮', description: '晚上全黑', address: '某路 1 号', ...pin },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await countCases()).toBe(before);
  });

  it.each([
    ['a string', '1'],
    ['an array', [1]],
    ['a fraction', 1.5],
  ])('refuse a transition whose version is %s with 422 and leave the case as it was', async (_, version) => {
    const staff = await loginAs(ctx.app, 'staff');
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: staff.headers,
      payload: { title: '井盖缺失', description: '小区门口井盖缺失', address: '某路 2 号' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().data.id;
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/cases/${id}/accept`,
      headers: staff.headers,
      payload: { version },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain('version');
    const { rows } = await ctx.pool.query('select state, version from cases where id = $1', [id]);
    expect(rows[0]).toEqual({ state: 'reported', version: 1 });
  });
});
