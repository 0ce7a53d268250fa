import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, TEST_PASSWORD, type Session, type TestContext } from '../../test/test-app.ts';
import { call, insertAccount, userCount } from './test-helpers.ts';

let ctx: TestContext;
const s: Record<string, Session> = {};

beforeAll(async () => {
  ctx = await createTestApp();
  for (const u of ['admin', 'street', 'secretary']) s[u] = await loginAs(ctx.app, u);
});
afterAll(async () => {
  await ctx.close();
});

const community = () => ctx.seed.tree.streets[0]!.communities[0]!;
const id = async (username: string) =>
  (await ctx.pool.query('select id from users where username = $1', [username])).rows[0].id as number;

describe('bad input changes nothing and says why', () => {
  const cases: [string, string, () => Promise<Record<string, unknown>>, number, string, string?][] = [
    [
      'duplicate username',
      'secretary',
      async () => ({
        username: 'gridworker',
        displayName: '重名',
        role: 'grid_worker',
        scopeNodeId: community().grids[1]!.id,
      }),
      409,
      'DUPLICATE',
      'username',
    ],
    [
      'scope above own (street admin at district)',
      'street',
      async () => ({
        username: 'above_scope',
        displayName: '越级',
        role: 'community_staff',
        scopeNodeId: ctx.seed.tree.district.id,
      }),
      404,
      'NOT_FOUND',
      'scopeNodeId',
    ],
    [
      'scope of another street',
      'street',
      async () => ({
        username: 'other_street',
        displayName: '越界',
        role: 'community_staff',
        scopeNodeId: ctx.seed.tree.streets[1]!.communities[0]!.id,
      }),
      404,
      'NOT_FOUND',
      'scopeNodeId',
    ],
    [
      'role too high (secretary makes a secretary)',
      'secretary',
      async () => ({
        username: 'too_high',
        displayName: '越权',
        role: 'community_secretary',
        scopeNodeId: community().id,
      }),
      403,
      'FORBIDDEN',
      'role',
    ],
    [
      'role too high (street makes a district admin)',
      'street',
      async () => ({
        username: 'too_high2',
        displayName: '越权',
        role: 'district_admin',
        scopeNodeId: ctx.seed.tree.district.id,
      }),
      403,
      'FORBIDDEN',
      'role',
    ],
    [
      'scope level does not fit the role',
      'secretary',
      async () => ({ username: 'bad_level', displayName: '层级', role: 'grid_worker', scopeNodeId: community().id }),
      422,
      'VALIDATION_FAILED',
      'scopeNodeId',
    ],
    [
      'department handler without department',
      'street',
      async () => ({
        username: 'no_dept',
        displayName: '部门',
        role: 'department_handler',
        scopeNodeId: ctx.seed.tree.streets[0]!.id,
      }),
      422,
      'VALIDATION_FAILED',
      'departmentId',
    ],
    [
      'weak initial password',
      'secretary',
      async () => ({
        username: 'weak_pw',
        displayName: '弱密码',
        role: 'grid_worker',
        scopeNodeId: community().grids[1]!.id,
        password: 'password123',
      }),
      422,
      'PASSWORD_TOO_WEAK',
      'password',
    ],
    [
      'password containing the username',
      'secretary',
      async () => ({
        username: 'liuwei88',
        displayName: '刘伟',
        role: 'grid_worker',
        scopeNodeId: community().grids[1]!.id,
        password: 'liuwei88-Qz!x7',
      }),
      422,
      'PASSWORD_TOO_WEAK',
      'password',
    ],
    [
      'bad phone',
      'secretary',
      async () => ({
        username: 'bad_phone',
        displayName: '手机',
        role: 'grid_worker',
        scopeNodeId: community().grids[1]!.id,
        phone: '12345',
      }),
      422,
      'VALIDATION_FAILED',
      'phone',
    ],
  ];
  it.each(cases)('%s → %i', async (_name, who, body, status, code, field) => {
    const before = await userCount(ctx);
    const res = await call(ctx, s[who]!, 'POST', '/api/accounts', await body());
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    if (field) expect(res.body.error.details?.map((d: { path: string }) => d.path)).toContain(field);
    expect(await userCount(ctx)).toBe(before);
  });

  it('names the duplicate username in Chinese', async () => {
    const res = await call(ctx, s.secretary!, 'POST', '/api/accounts', {
      username: 'staff',
      displayName: '重名',
      role: 'community_staff',
      scopeNodeId: community().id,
    });
    expect(res.body.error.message).toContain('用户名“staff”已被使用');
  });
});

describe('editing is limited to accounts below the editor', () => {
  const cases: [
    string,
    string,
    () => Promise<{ target: number; body: Record<string, unknown>; url?: string }>,
    number,
  ][] = [
    [
      'secretary raises staff to secretary',
      'secretary',
      async () => ({ target: await id('staff'), body: { role: 'community_secretary' } }),
      403,
    ],
    [
      'secretary edits the street admin (outside its community)',
      'secretary',
      async () => ({ target: await id('street'), body: { displayName: 'x' } }),
      404,
    ],
    [
      'secretary edits the department handler',
      'secretary',
      async () => ({ target: await id('dept'), body: { displayName: 'x' } }),
      404,
    ],
    [
      'street edits the district admin',
      'street',
      async () => ({ target: await id('admin'), body: { displayName: 'x' } }),
      404,
    ],
    [
      'secretary moves a grid worker to another street',
      'secretary',
      async () => ({
        target: await id('gridworker'),
        body: { scopeNodeId: ctx.seed.tree.streets[1]!.communities[0]!.grids[0]!.id },
      }),
      404,
    ],
    [
      'street edits itself',
      'street',
      async () => ({ target: await id('street'), body: { role: 'district_admin' } }),
      403,
    ],
  ];
  it.each(cases)('%s → %i', async (_name, who, make, status) => {
    const { target, body } = await make();
    const before = (await ctx.pool.query('select role, scope_node_id, display_name from users where id = $1', [target]))
      .rows[0];
    const res = await call(ctx, s[who]!, 'PATCH', `/api/accounts/${target}`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(
      (await ctx.pool.query('select role, scope_node_id, display_name from users where id = $1', [target])).rows[0],
    ).toEqual(before);
  });

  it('nobody disables themselves', async () => {
    expect((await call(ctx, s.street!, 'POST', `/api/accounts/${await id('street')}/disable`)).status).toBe(403);
  });

  it('a secretary edits a grid worker of its community and the list shows it', async () => {
    const res = await call(ctx, s.secretary!, 'PATCH', `/api/accounts/${await id('gridworker')}`, {
      displayName: '王网格',
      phone: '13900001111',
    });
    expect(res.status).toBe(200);
    const list = await call(ctx, s.secretary!, 'GET', '/api/accounts?q=王网格');
    expect(list.body.data.map((a: { username: string }) => a.username)).toEqual(['gridworker']);
    expect(list.body.data[0].abilities).toEqual(['edit', 'disable', 'reset']);
  });

  it('lists only accounts in scope, filtered and paginated', async () => {
    const all = await call(ctx, s.secretary!, 'GET', '/api/accounts?pageSize=100');
    expect(all.body.data.map((a: { username: string }) => a.username)).not.toContain('street');
    expect(all.body.data.map((a: { username: string }) => a.username)).not.toContain(
      `gw${ctx.seed.tree.streets[1]!.communities[0]!.grids[0]!.code}`,
    );
    const page = await call(ctx, s.admin!, 'GET', '/api/accounts?role=grid_worker&pageSize=2&page=2');
    expect(page.body.data).toHaveLength(2);
    expect(page.body.page.total).toBeGreaterThan(4);
    expect(page.body.data.every((a: { role: string }) => a.role === 'grid_worker')).toBe(true);
  });
});

describe('disable, enable and reset', () => {
  it('a disabled account with the right password gets 403 AUTH_ACCOUNT_DISABLED; a wrong password still the generic 401', async () => {
    const target = await insertAccount(ctx, 'community_staff', community().id, { password: 'Lantern-harbor-42' });
    const victim = await loginAs(ctx.app, target.username, 'Lantern-harbor-42');
    expect((await call(ctx, s.secretary!, 'POST', `/api/accounts/${target.id}/disable`)).body.data.state).toBe(
      'disabled',
    );
    // The disabled account's sessions are gone.
    expect((await call(ctx, victim, 'GET', '/api/me')).status).toBe(401);
    const right = await call(ctx, null, 'POST', '/api/auth/login', {
      username: target.username,
      password: 'Lantern-harbor-42',
    });
    expect([right.status, right.body.error.code]).toEqual([403, 'AUTH_ACCOUNT_DISABLED']);
    const wrong = await call(ctx, null, 'POST', '/api/auth/login', {
      username: target.username,
      password: 'not-the-password',
    });
    expect([wrong.status, wrong.body.error.code]).toEqual([401, 'AUTH_INVALID_CREDENTIALS']);
    await call(ctx, s.secretary!, 'POST', `/api/accounts/${target.id}/enable`);
    expect(
      (await call(ctx, null, 'POST', '/api/auth/login', { username: target.username, password: 'Lantern-harbor-42' }))
        .status,
    ).toBe(200);
  });

  it('reset issues a one-time password, revokes sessions and forces a change', async () => {
    const target = await insertAccount(ctx, 'grid_worker', community().grids[1]!.id, { password: 'Lantern-harbor-42' });
    const old = await loginAs(ctx.app, target.username, 'Lantern-harbor-42');
    const res = await call(ctx, s.secretary!, 'POST', `/api/accounts/${target.id}/reset-password`);
    expect(res.body.temporaryPassword).toMatch(/^[A-Za-z0-9]{12}$/);
    expect((await call(ctx, old, 'GET', '/api/me')).status).toBe(401);
    const fresh = await loginAs(ctx.app, target.username, res.body.temporaryPassword);
    expect((await call(ctx, fresh, 'GET', '/api/me')).body.data.restriction).toBe('password_change');
    const audit = await ctx.pool.query(
      `select action from audit_log where target_id = $1 and action like 'accounts.%'`,
      [String(target.id)],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['accounts.reset_password']);
  });

  it('a created account gets a generated one-time password shown once', async () => {
    const res = await call(ctx, s.admin!, 'POST', '/api/accounts', {
      username: 'new_staff',
      displayName: '新社工',
      role: 'community_staff',
      scopeNodeId: community().id,
    });
    expect(res.status).toBe(200);
    expect(res.body.data.mustChangePassword).toBe(true);
    const row = (await ctx.pool.query(`select password_hash, created_by from users where username = 'new_staff'`))
      .rows[0];
    expect(row.password_hash).not.toContain(res.body.temporaryPassword);
    expect(row.created_by).toBe(await id('admin'));
    expect((await call(ctx, s.admin!, 'GET', `/api/accounts/${res.body.data.id}`)).body).not.toHaveProperty(
      'temporaryPassword',
    );
  });

  it('TEST_PASSWORD logins keep working for the seeded accounts', async () => {
    expect(
      (await call(ctx, null, 'POST', '/api/auth/login', { username: 'staff', password: TEST_PASSWORD })).status,
    ).toBe(200);
  });
});
