import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { postRequest } from './test-support.ts';

let ctx: TestContext;
const s: Record<string, Session> = {};
const USERS = ['admin', 'street', 'secretary', 'staff', 'gridworker', 'resident', 'dept'] as const;
const own = () => ctx.seed.tree.streets[0]!.communities[0]!;
const otherStreet = () => ctx.seed.tree.streets[1]!.communities[0]!;

beforeAll(async () => {
  ctx = await createTestApp();
  for (const u of USERS) s[u] = await loginAs(ctx.app, u);
});
afterAll(async () => {
  await ctx.close();
});

// Expected statuses: [list, create in 路南 (street 1 community 1), create in street 2's community].
const MATRIX: Record<(typeof USERS)[number], [number, number, number]> = {
  admin: [200, 201, 201],
  street: [200, 201, 403],
  secretary: [200, 201, 403],
  staff: [403, 403, 403],
  gridworker: [403, 403, 403],
  resident: [403, 403, 403],
  dept: [403, 403, 403],
};

describe('Open311 key administration', () => {
  it.each(USERS)('applies the role × scope matrix to %s', async (user) => {
    const headers = s[user]!.headers;
    const list = await ctx.app.inject({ method: 'GET', url: '/api/open311/keys', headers });
    const create = (communityId: number, tag: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/open311/keys',
        headers,
        payload: { clientName: `${user}-${tag}`, communityId },
      });
    const got = [
      list.statusCode,
      (await create(own().id, 'own')).statusCode,
      (await create(otherStreet().id, 'other')).statusCode,
    ];
    expect(got).toEqual(MATRIX[user]);
  });

  it('lists only keys of communities in scope, never the secret, and lets only those in scope revoke', async () => {
    const secretaryKeys = (
      await ctx.app.inject({ method: 'GET', url: '/api/open311/keys', headers: s.secretary!.headers })
    ).json();
    expect(secretaryKeys.data.every((k: { community: { id: number } }) => k.community.id === own().id)).toBe(true);
    expect(JSON.stringify(secretaryKeys)).not.toMatch(/"key"/);
    const adminKeys = (
      await ctx.app.inject({ method: 'GET', url: '/api/open311/keys', headers: s.admin!.headers })
    ).json().data;
    const foreign = adminKeys.find((k: { community: { id: number } }) => k.community.id === otherStreet().id);
    const revoke = (who: string) =>
      ctx.app.inject({ method: 'POST', url: `/api/open311/keys/${foreign.id}/revoke`, headers: s[who]!.headers });
    expect((await revoke('secretary')).statusCode).toBe(404);
    expect((await revoke('staff')).statusCode).toBe(404);
    expect((await revoke('admin')).statusCode).toBe(200);
    const audit = await ctx.pool.query(`select action from audit_log where action like 'open311.%'`);
    expect(audit.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['open311.key_create', 'open311.key_revoke']),
    );
  });

  it('refuses a client name already receiving reports in another community', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/open311/keys',
      headers: s.admin!.headers,
      payload: { clientName: 'admin-own', communityId: otherStreet().id },
    });
    expect(res.statusCode).toBe(422);
  });

  it('creates a system account that cannot sign in', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'open311:admin-own', password: '!open311-system-account' },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('npm run cli -- open311-key create', () => {
  it('prints a key that works against the API', async () => {
    const { stdout, stderr } = await promisify(execFile)(
      'node',
      ['--import', 'tsx', 'server/cli.ts', 'open311-key', 'create', 'test-client'],
      {
        env: { ...process.env, DATABASE_URL: inject('databaseUrl') },
      },
    );
    const key = stdout.trim();
    expect(key).toMatch(/^[\w-]{43}$/);
    expect(stderr).toContain('test-client');
    const res = await postRequest(ctx.app, 'json', {
      api_key: key,
      service_code: '0101',
      address_string: '某社区 2幢',
      description: '脚本接入测试',
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('explains its usage when the arguments are wrong', async () => {
    const failed = await promisify(execFile)('node', ['--import', 'tsx', 'server/cli.ts', 'open311-key', 'delete'], {
      env: { ...process.env, DATABASE_URL: inject('databaseUrl') },
    }).catch((e) => e);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('用法');
  });
});
