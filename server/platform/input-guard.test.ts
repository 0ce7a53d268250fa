import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../test/test-app.ts';

let ctx: TestContext;
let resident: Session;
beforeAll(async () => {
  ctx = await createTestApp();
  resident = await loginAs(ctx.app, 'resident');
});
afterAll(async () => { await ctx.close(); });

const countCases = async () => Number((await ctx.pool.query('select count(*) from cases')).rows[0].count);

describe('strings with NUL or lone surrogates', () => {
  it.each([
    ['a NUL byte', { title: '路灯不亮', description: '晚上\u0000全黑' }, 'description'],
    ['a lone high surrogate', { title: '井盖\uD83D缺失', description: '小区门口' }, 'title'],
    ['a lone low surrogate', { title: '噪音扰民', description: '\uDE00夜间施工' }, 'description'],
  ])('refuse a report holding %s with 422 on the field and write nothing', async (_, body, path) => {
    const before = await countCases();
    const res = await ctx.app.inject({ method: 'POST', url: '/api/cases', headers: resident.headers, payload: { ...body, address: '某路 1 号' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([{ path, message: expect.stringContaining('空字符') }]);
    expect(await countCases()).toBe(before);
  });

  it('refuse them in a query string too', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/org/communities?q=%00', headers: resident.headers });
    expect(res.statusCode).toBe(422);
  });

  it('let a real emoji (a surrogate pair) through', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/cases', headers: resident.headers, payload: { title: '路灯不亮 💡', description: '晚上全黑', address: '某路 1 号' } });
    expect(res.statusCode).toBe(201);
  });
});
