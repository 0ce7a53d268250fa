import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestContext } from '../../test/test-app.ts';
import { emptyDatabase } from '../../test/empty-database.ts';
import { issueSetupCode } from './setup-state.ts';

let ctx: TestContext;
let code: string;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => {
  await ctx.close();
});
beforeEach(async () => {
  await emptyDatabase(ctx.db);
  code = (await issueSetupCode(ctx.db))!;
});

const ADMIN = { username: 'gusu_admin', displayName: '陈立新', password: 'Qiao-men-River-2026!', phone: '13912345678' };
const body = (over: Record<string, unknown> = {}) => ({
  setupCode: code,
  districtCode: '320508',
  streetCodes: ['320508017', '320508018'],
  admin: ADMIN,
  ...over,
});
const post = (payload: unknown) => ctx.app.inject({ method: 'POST', url: '/api/setup', payload: payload as object });
const count = async (table: string) =>
  Number((await ctx.pool.query(`select count(*)::int as n from ${table}`)).rows[0].n);

describe('clean install status and divisions', () => {
  it('says setup is needed on an empty database, not on a seeded one', async () => {
    expect((await ctx.app.inject({ url: '/api/setup/status' })).json()).toEqual({ needed: true });
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    await post(body());
    expect((await ctx.app.inject({ url: '/api/setup/status' })).json()).toEqual({ needed: false });
  });

  it.each([
    ['姑苏', '320508', '姑苏区'],
    ['320508', '320508', '姑苏区'],
    ['东城区', '110101', '东城区'],
  ])('finds %s in the NBS list', async (q, code, name) => {
    const res = await ctx.app.inject({ url: `/api/setup/divisions?q=${encodeURIComponent(q)}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().data[0]).toMatchObject({ code, name });
  });

  it('names the city and province, and lists the real streets of 姑苏区', async () => {
    const [gusu] = (await ctx.app.inject({ url: '/api/setup/divisions?q=320508' })).json().data;
    expect(gusu).toEqual({ code: '320508', name: '姑苏区', city: '苏州市', province: '江苏省' });
    const streets = (await ctx.app.inject({ url: '/api/setup/divisions/320508/streets' })).json().data;
    expect(streets).toContainEqual({ code: '320508017', name: '白洋湾街道' });
    expect(streets.length).toBeGreaterThanOrEqual(8);
    expect((await ctx.app.inject({ url: '/api/setup/divisions/999999/streets' })).statusCode).toBe(404);
  });
});

describe('POST /api/setup', () => {
  it('creates the district, the chosen streets, the categories and an admin who can sign in', async () => {
    const res = await post(body());
    expect(res.statusCode).toBe(201);
    const { rows } = await ctx.pool.query(`select level, code, name, parent_id from org_nodes order by id`);
    expect(rows.map((r) => [r.level, r.code, r.name])).toEqual([
      ['district', '320508', '姑苏区'],
      ['street', '320508017', '白洋湾街道'],
      ['street', '320508018', '平江街道'],
    ]);
    expect(await count('case_categories')).toBeGreaterThan(10);
    const s = await loginAs(ctx.app, ADMIN.username, ADMIN.password);
    const me = (await ctx.app.inject({ url: '/api/me', headers: s.headers })).json();
    expect(me.data ?? me).toMatchObject({ role: 'district_admin', scope: { code: '320508', name: '姑苏区' } });
  });

  it('refuses a second setup with 409 SETUP_DONE and changes nothing', async () => {
    expect((await post(body())).statusCode).toBe(201);
    const res = await post(body({ admin: { ...ADMIN, username: 'intruder' } }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('SETUP_DONE');
    expect(await count('users')).toBe(1);
    expect(await count('org_nodes')).toBe(3);
  });

  it.each([
    ['a wrong setup code', () => body({ setupCode: 'AAAA-AAAA' }), 'SETUP_CODE_INVALID', 'setupCode'],
    [
      'a weak password',
      () => body({ admin: { ...ADMIN, password: 'password123' } }),
      'PASSWORD_TOO_WEAK',
      'admin.password',
    ],
    [
      'a password holding the username',
      () => body({ admin: { ...ADMIN, password: 'gusu_admin-2026-x' } }),
      'PASSWORD_TOO_WEAK',
      'admin.password',
    ],
    ['an unknown district code', () => body({ districtCode: '999999' }), 'VALIDATION_FAILED', 'districtCode'],
    ['a street of another district', () => body({ streetCodes: ['110101001'] }), 'VALIDATION_FAILED', 'streetCodes.0'],
    ['no street', () => body({ streetCodes: [] }), 'VALIDATION_FAILED', 'streetCodes'],
    ['a bad phone number', () => body({ admin: { ...ADMIN, phone: '12345' } }), 'VALIDATION_FAILED', 'admin.phone'],
  ])('answers 422 for %s and writes nothing', async (_what, payload, errorCode, path) => {
    const res = await post(payload());
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe(errorCode);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await count('org_nodes')).toBe(0);
    expect(await count('users')).toBe(0);
    expect(await count('case_categories')).toBe(0);
    expect((await ctx.app.inject({ url: '/api/setup/status' })).json()).toEqual({ needed: true });
  });

  it('accepts the code typed in lower case without the dash', async () => {
    expect((await post(body({ setupCode: code.replace('-', '').toLowerCase() }))).statusCode).toBe(201);
  });

  it('locks the code after five wrong ones, even for the right code, until the lock passes', async () => {
    for (let i = 0; i < 4; i++) expect((await post(body({ setupCode: 'WRNG-CODE' }))).statusCode).toBe(422);
    const fifth = await post(body({ setupCode: 'WRNG-CODE' }));
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error.code).toBe('SETUP_CODE_LOCKED');
    expect((await post(body())).statusCode).toBe(429);
    // A restart issues a fresh code and clears the count.
    code = (await issueSetupCode(ctx.db))!;
    expect((await post(body())).statusCode).toBe(201);
  });

  it('needs no session: every setup route is public', async () => {
    expect((await ctx.app.inject({ url: '/api/setup/divisions?q=姑苏' })).statusCode).toBe(200);
    expect((await ctx.app.inject({ url: '/api/me' })).statusCode).toBe(401);
  });
});
