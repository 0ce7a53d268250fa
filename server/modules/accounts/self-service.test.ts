import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { call } from './test-helpers.ts';

let ctx: TestContext;
let secretary: Session;
let admin: Session;

beforeAll(async () => {
  ctx = await createTestApp();
  secretary = await loginAs(ctx.app, 'secretary');
  admin = await loginAs(ctx.app, 'admin');
});
afterAll(async () => {
  await ctx.close();
});

const community = () => ctx.seed.tree.streets[0]!.communities[0]!;
const codeFor = (secret: string, offsetPeriods = 0) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
    timestamp: Date.now() + offsetPeriods * 30_000,
  });

async function newAccount(username: string, role = 'community_staff', scopeNodeId = community().id) {
  const res = await call(ctx, secretary, 'POST', '/api/accounts', {
    username,
    displayName: '测试员',
    role,
    scopeNodeId,
  });
  return res.body.temporaryPassword as string;
}

describe('must change password', () => {
  it('keeps a new account restricted until it chooses its own password', async () => {
    const temp = await newAccount('first_login');
    const s = await loginAs(ctx.app, 'first_login', temp);
    expect((await call(ctx, s, 'GET', '/api/me')).body.data).toMatchObject({
      restriction: 'password_change',
      abilities: [],
    });
    expect((await call(ctx, s, 'GET', `/api/org/nodes/${community().id}`)).body.error.code).toBe('ACCOUNT_RESTRICTED');
    expect((await call(ctx, s, 'GET', '/api/me/sessions')).status).toBe(403);

    const weak = await call(ctx, s, 'POST', '/api/me/password', { currentPassword: temp, newPassword: 'password1' });
    expect([weak.status, weak.body.error.code, weak.body.error.details[0].path]).toEqual([
      422,
      'PASSWORD_TOO_WEAK',
      'newPassword',
    ]);
    const named = await call(ctx, s, 'POST', '/api/me/password', {
      currentPassword: temp,
      newPassword: 'first_login-2026',
    });
    expect(named.body.error.details[0].message).toBe('密码不能包含用户名或姓名');
    const wrongCurrent = await call(ctx, s, 'POST', '/api/me/password', {
      currentPassword: 'nope',
      newPassword: 'Quiet-meadow-river-71',
    });
    expect([wrongCurrent.status, wrongCurrent.body.error.details[0].path]).toEqual([422, 'currentPassword']);

    const other = await loginAs(ctx.app, 'first_login', temp);
    expect(
      (await call(ctx, s, 'POST', '/api/me/password', { currentPassword: temp, newPassword: 'Quiet-meadow-river-71' }))
        .status,
    ).toBe(204);
    expect((await call(ctx, s, 'GET', '/api/me')).body.data.restriction).toBeNull();
    expect((await call(ctx, other, 'GET', '/api/me')).status).toBe(401);
    const row = (
      await ctx.pool.query(`select must_change_password, password_changed_at from users where username = 'first_login'`)
    ).rows[0];
    expect(row.must_change_password).toBe(false);
    expect(row.password_changed_at).not.toBeNull();
    expect((await call(ctx, null, 'POST', '/api/auth/login', { username: 'first_login', password: temp })).status).toBe(
      401,
    );
  });
});

describe('sessions', () => {
  it('lists own sessions with the current one flagged and revokes another', async () => {
    const other = await loginAs(ctx.app, 'staff');
    const mine = await loginAs(ctx.app, 'staff');
    const list = (await call(ctx, mine, 'GET', '/api/me/sessions')).body.data as { id: string; current: boolean }[];
    expect(list.filter((x) => x.current)).toHaveLength(1);
    expect(list.every((x) => /^[0-9a-f]{12}$/.test(x.id))).toBe(true);
    const before = list.length;
    const target = (await call(ctx, other, 'GET', '/api/me/sessions')).body.data.find(
      (x: { current: boolean }) => x.current,
    ).id;
    expect((await call(ctx, mine, 'DELETE', `/api/me/sessions/${target}`)).status).toBe(204);
    expect((await call(ctx, other, 'GET', '/api/me')).status).toBe(401);
    expect((await call(ctx, mine, 'GET', '/api/me/sessions')).body.data).toHaveLength(before - 1);
    // Another account's session is not found.
    const foreign = (await call(ctx, secretary, 'GET', '/api/me/sessions')).body.data[0].id;
    expect((await call(ctx, mine, 'DELETE', `/api/me/sessions/${foreign}`)).status).toBe(404);
  });
});

describe('TOTP second factor', () => {
  it('enrols, then asks for and checks the code at sign-in', async () => {
    const s = await loginAs(ctx.app, 'staff');
    const setup = (await call(ctx, s, 'POST', '/api/me/totp/setup')).body.data;
    expect(setup.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const stored = (await ctx.pool.query(`select totp_secret, totp_enabled_at from users where username = 'staff'`))
      .rows[0];
    expect(stored.totp_secret).not.toContain(setup.secret);
    expect(stored.totp_enabled_at).toBeNull();
    // Not enabled before confirmation: sign-in needs no code yet.
    expect(
      (await call(ctx, null, 'POST', '/api/auth/login', { username: 'staff', password: 'test-pass-2026' })).status,
    ).toBe(200);
    expect((await call(ctx, s, 'POST', '/api/me/totp/confirm', { code: '000000' })).status).toBe(422);
    expect((await call(ctx, s, 'POST', '/api/me/totp/confirm', { code: codeFor(setup.secret) })).status).toBe(204);

    const noCode = await call(ctx, null, 'POST', '/api/auth/login', { username: 'staff', password: 'test-pass-2026' });
    expect([noCode.status, noCode.body.error.code]).toEqual([401, 'AUTH_TOTP_REQUIRED']);
    const wrong = await call(ctx, null, 'POST', '/api/auth/login', {
      username: 'staff',
      password: 'test-pass-2026',
      code: codeFor(setup.secret, 10),
    });
    expect([wrong.status, wrong.body.error.code]).toEqual([401, 'AUTH_TOTP_INVALID']);
    expect(
      Number((await ctx.pool.query(`select count(*) from login_failures where username = 'staff'`)).rows[0].count),
    ).toBe(1);
    expect(
      (
        await call(ctx, null, 'POST', '/api/auth/login', {
          username: 'staff',
          password: 'test-pass-2026',
          code: codeFor(setup.secret),
        })
      ).status,
    ).toBe(200);

    expect(
      (await call(ctx, s, 'DELETE', '/api/me/totp', { password: 'wrong', code: codeFor(setup.secret) })).status,
    ).toBe(422);
    expect(
      (await call(ctx, s, 'DELETE', '/api/me/totp', { password: 'test-pass-2026', code: codeFor(setup.secret) }))
        .status,
    ).toBe(204);
    expect(
      (await call(ctx, null, 'POST', '/api/auth/login', { username: 'staff', password: 'test-pass-2026' })).status,
    ).toBe(200);
  });

  it('when required for administrators, one without TOTP may only enrol', async () => {
    expect((await call(ctx, secretary, 'PUT', '/api/settings/security', { totpRequiredForAdmins: true })).status).toBe(
      403,
    );
    // The district administrator enrols first: the switch would otherwise lock them into enrolment too.
    expect((await call(ctx, admin, 'PUT', '/api/settings/security', { totpRequiredForAdmins: true })).status).toBe(409);
    const adminSetup = (await call(ctx, admin, 'POST', '/api/me/totp/setup')).body.data;
    expect((await call(ctx, admin, 'POST', '/api/me/totp/confirm', { code: codeFor(adminSetup.secret) })).status).toBe(
      204,
    );
    expect(
      (await call(ctx, admin, 'PUT', '/api/settings/security', { totpRequiredForAdmins: true })).body.data
        .totpRequiredForAdmins,
    ).toBe(true);
    expect((await call(ctx, admin, 'GET', '/api/settings/security')).body.data.totpRequiredForAdmins).toBe(true);
    const street = await loginAs(ctx.app, 'street');
    expect((await call(ctx, street, 'GET', '/api/me')).body.data.restriction).toBe('totp_enrolment');
    expect((await call(ctx, street, 'GET', '/api/accounts')).body.error.code).toBe('ACCOUNT_RESTRICTED');
    // Non-administrators are not affected.
    const staff = await loginAs(ctx.app, 'gridworker');
    expect((await call(ctx, staff, 'GET', '/api/me')).body.data.restriction).toBeNull();

    const setup = (await call(ctx, street, 'POST', '/api/me/totp/setup')).body.data;
    expect((await call(ctx, street, 'POST', '/api/me/totp/confirm', { code: codeFor(setup.secret) })).status).toBe(204);
    expect((await call(ctx, street, 'GET', '/api/me')).body.data.restriction).toBeNull();
    expect((await call(ctx, street, 'GET', '/api/accounts')).status).toBe(200);
    // Required: an administrator cannot switch it off for themselves.
    expect(
      (await call(ctx, street, 'DELETE', '/api/me/totp', { password: 'test-pass-2026', code: codeFor(setup.secret) }))
        .status,
    ).toBe(403);

    expect((await call(ctx, admin, 'PUT', '/api/settings/security', { totpRequiredForAdmins: false })).status).toBe(
      200,
    );
    expect((await call(ctx, admin, 'GET', '/api/me')).body.data.restriction).toBeNull();
  });
});
