import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, TEST_PASSWORD, type TestContext } from '../../test/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => {
  await ctx.close();
});

describe('POST /api/auth/login', () => {
  it('signs in with the seeded password and sets an httpOnly SameSite session cookie plus a CSRF cookie', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'secretary', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toMatchObject({
      username: 'secretary',
      role: 'community_secretary',
      roleLabel: '社区书记',
    });
    const session = res.cookies.find((c) => c.name === 'gh_session')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Lax');
    expect(res.cookies.find((c) => c.name === 'gh_csrf')!.httpOnly).toBeFalsy();
  });

  it('refuses a wrong password in Chinese, and in English when asked', async () => {
    const zh = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'staff', password: 'nope' },
    });
    expect(zh.statusCode).toBe(401);
    expect(zh.json().error).toEqual({ code: 'AUTH_INVALID_CREDENTIALS', message: '用户名或密码错误' });
    const en = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en-US' },
      payload: { username: 'staff', password: 'nope' },
    });
    expect(en.json().error.message).toBe('Wrong username or password');
  });

  const login = (username: string, password: string, remoteAddress = '127.0.0.1', cookie?: string) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress,
      payload: { username, password },
      ...(cookie ? { headers: { cookie } } : {}),
    });

  it('makes one client wait after 5 wrong passwords for one account, even with the right password, and says how long', async () => {
    for (let i = 0; i < 5; i++) await login('volunteer', `wrong${i}`, '198.51.100.7');
    const res = await login('volunteer', TEST_PASSWORD, '198.51.100.7');
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('AUTH_TOO_MANY_ATTEMPTS');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.json().error.message).toMatch(/请 \d+ 秒后再试/);
  });

  it('never locks the owner out: the same account signs in from another client meanwhile', async () => {
    for (let i = 0; i < 5; i++) await login('leader', `wrong${i}`, '198.51.100.8');
    expect((await login('leader', TEST_PASSWORD, '198.51.100.8')).statusCode).toBe(429);
    expect((await login('leader', TEST_PASSWORD, '203.0.113.20')).statusCode).toBe(200);
  });

  it('throttles a client spraying one password across many accounts', async () => {
    const { rows } = await ctx.pool.query(`select username from users order by id limit 25`);
    const statuses: number[] = [];
    for (const r of rows) statuses.push((await login(r.username, 'Summer2026!', '198.51.100.9')).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
  });

  it('slows many clients guessing one account, but not a browser the owner signed in from before', async () => {
    const first = await login('property', TEST_PASSWORD, '203.0.113.30');
    const device = first.cookies.find((c) => c.name === 'gh_device')!;
    expect(device.httpOnly).toBe(true);
    for (let i = 0; i < 50; i++) await login('property', `guess${i}`, `192.0.2.${i + 1}`);
    expect((await login('property', TEST_PASSWORD, '203.0.113.31')).statusCode).toBe(429);
    expect((await login('property', TEST_PASSWORD, '203.0.113.31', `gh_device=${device.value}`)).statusCode).toBe(200);
    // A device cookie of another account, or forged, earns nothing.
    expect(
      (await login('property', TEST_PASSWORD, '203.0.113.31', `gh_device=${device.value.replace(/^\d+/, '1')}`))
        .statusCode,
    ).toBe(429);
  });

  it('answers 422 with field paths when the body is incomplete', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([{ path: 'password', message: '必填' }]);
  });
});

describe('sessions', () => {
  it('GET /api/me answers 401 without a session and the actor with one', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const s = await loginAs(ctx.app, 'gridworker');
    const me = (await ctx.app.inject({ method: 'GET', url: '/api/me', headers: s.headers })).json().data;
    expect(me.scope.level).toBe('grid');
    expect(me.scope.code).toMatch(/^\d{15}$/);
    expect(me.abilities).toContain('cases.report');
  });

  it('refuses a mutation without the CSRF header (403) and accepts it with the header', async () => {
    const s = await loginAs(ctx.app, 'street');
    const without = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('CSRF_FAILED');
    const withHeader = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
    expect(withHeader.statusCode).toBe(204);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/me', headers: s.headers })).statusCode).toBe(401);
  });

  it('expires a session after the idle time', async () => {
    const s = await loginAs(ctx.app, 'staff');
    await ctx.pool.query(`update sessions set expires_at = now() - interval '1 second'`);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/me', headers: s.headers })).statusCode).toBe(401);
  });

  it('records each sign-in in the append-only audit log', async () => {
    await loginAs(ctx.app, 'admin');
    const { rows } = await ctx.pool.query(
      `select action, summary from audit_log where action = 'auth.login' and summary->>'username' = 'admin'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    await expect(ctx.pool.query(`delete from audit_log`)).rejects.toThrow(/append-only/);
  });
});

describe('every API route', () => {
  it('answers 401 to an anonymous caller (a route without a policy check fails here)', async () => {
    const open = new Set([
      'POST /api/auth/login',
      'POST /api/auth/logout',
      'POST /api/auth/signup',
      'GET /api/public/communities',
      'GET /api/public/nodes/:id/children',
      // A clean install's setup page, before any account exists (answers 409 once set up).
      'GET /api/setup/status',
      'GET /api/setup/divisions',
      'GET /api/setup/divisions/:code/streets',
      'POST /api/setup',
      // 完美社区网: a community's portal and its consultations' attachments, read without login.
      'GET /api/public/portal/:communityCode',
      'GET /api/public/portal/:communityCode/attachments/:id',
    ]);
    // Every /api route declared public is one of these on purpose (and the rest need a session).
    expect(
      ctx.app.routeTable
        .filter((r) => r.public && r.url.startsWith('/api/'))
        .map((r) => `${r.method} ${r.url}`)
        .sort(),
    ).toEqual([...open].sort());
    const checked = ctx.app.routeTable
      .filter((r) => r.url.startsWith('/api/'))
      .filter((r) => !open.has(`${r.method} ${r.url}`) && !r.url.startsWith('/api/docs'));
    expect(checked.length).toBeGreaterThan(8);
    for (const route of checked) {
      const url = route.url.replace(/:[a-zA-Z]+/g, '1');
      const res = await ctx.app.inject({
        method: route.method as 'GET',
        url,
        payload: route.method === 'GET' ? undefined : {},
      });
      expect({ route: `${route.method} ${route.url}`, status: res.statusCode }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 401,
      });
    }
  });
});
