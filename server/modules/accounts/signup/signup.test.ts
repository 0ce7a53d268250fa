import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/test-app.ts';
import { houseCodesUnder } from '../../people/testing/fixtures.ts';
import { auditLog, users } from '../schema.ts';
import { signupInput, signUpResident, STRONG_PASSWORD } from './testing.ts';

let ctx: TestContext;
let house: { id: number; code: string };

beforeAll(async () => {
  ctx = await createTestApp();
  [house] = (await houseCodesUnder(ctx.db, ctx.seed.tree.streets[0]!.communities[0]!.path, 1)) as [typeof house];
});
afterAll(async () => {
  await ctx.close();
});

const post = (payload: Record<string, unknown>, remoteAddress = '10.1.1.1') =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/signup', payload, remoteAddress });

describe('public house picker', () => {
  it('walks community → estates → buildings → houses, names and codes only', async () => {
    const community = ctx.seed.tree.streets[0]!.communities[0]!;
    const found = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/communities?q=${encodeURIComponent(community.name.slice(0, 2))}`,
    });
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().data.map((c: { id: number }) => c.id)).toContain(community.id);
    const estates = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/nodes/${community.id}/children?pageSize=200`,
    });
    expect(estates.statusCode, estates.body).toBe(200);
    const estate = estates.json().data[0];
    expect(Object.keys(estate).sort()).toEqual(['code', 'id', 'level', 'name']);
    expect(estates.json().data.every((n: { level: string }) => n.level === 'estate')).toBe(true);
    const buildings = (await ctx.app.inject({ method: 'GET', url: `/api/public/nodes/${estate.id}/children` })).json();
    expect(buildings.data[0].level).toBe('building');
    const houses = (
      await ctx.app.inject({ method: 'GET', url: `/api/public/nodes/${buildings.data[0].id}/children?pageSize=5` })
    ).json();
    expect(houses.data[0].level).toBe('house');
    expect(houses.page).toMatchObject({ page: 1, pageSize: 5 });
  });

  it.each([
    ['a grid (internal division)', () => ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!.id],
    ['a street', () => ctx.seed.tree.streets[0]!.id],
    ['a house (has no children)', () => house.id],
    ['a missing node', () => 999_999],
  ])('answers 404 for %s', async (_label, id) => {
    expect((await ctx.app.inject({ method: 'GET', url: `/api/public/nodes/${id()}/children` })).statusCode).toBe(404);
  });
});

describe('POST /api/auth/signup', () => {
  it('creates a pending resident scoped to the house, signs them in, and keeps them to the waiting page', async () => {
    const { id, session, body } = await signUpResident(ctx.app, house.id);
    const [row] = await ctx.db.select().from(users).where(eq(users.id, id));
    expect(row).toMatchObject({
      role: 'resident',
      scopeNodeId: house.id,
      verificationState: 'pending',
      displayName: '陈晓红',
      phone: body.phone,
    });
    const me = (await ctx.app.inject({ method: 'GET', url: '/api/me', headers: session.headers })).json().data;
    expect(me).toMatchObject({ restriction: 'pending_verification', abilities: [] });
    const status = await ctx.app.inject({ method: 'GET', url: '/api/me/verification', headers: session.headers });
    expect(status.statusCode, status.body).toBe(200);
    expect(status.json().data).toMatchObject({ state: 'pending', note: null, house: { houseNodeId: house.id } });
    expect(status.json().data.house.address).toContain(ctx.seed.tree.streets[0]!.communities[0]!.name);
    const blocked = await ctx.app.inject({ method: 'GET', url: '/api/org/my-area/grids', headers: session.headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('ACCOUNT_RESTRICTED');
    // The same username and password also sign in later.
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: body.username, password: STRONG_PASSWORD },
    });
    expect(login.json().data.restriction).toBe('pending_verification');
  });

  it.each([
    ['a landline phone', { phone: '02512345678' }, 422, 'VALIDATION_FAILED', 'phone'],
    ['a 10-digit phone', { phone: '1391234567' }, 422, 'VALIDATION_FAILED', 'phone'],
    ['a one-character name', { displayName: '陈' }, 422, 'VALIDATION_FAILED', 'displayName'],
    ['a common password', { password: 'password123' }, 422, 'PASSWORD_TOO_WEAK', 'password'],
    ['a short password', { password: 'Ab1!' }, 422, 'PASSWORD_TOO_WEAK', 'password'],
    [
      'a password made of the username',
      { username: 'chenxiaohong', password: 'chenxiaohong2026' },
      422,
      'PASSWORD_TOO_WEAK',
      'password',
    ],
    ['a username with spaces', { username: 'a b c d' }, 422, 'VALIDATION_FAILED', 'username'],
    ['a taken username', { username: 'secretary' }, 409, 'DUPLICATE', 'username'],
    ['a building instead of a house', { houseNodeId: -1 }, 422, 'VALIDATION_FAILED', 'houseNodeId'],
    ['a community instead of a house', { houseNodeId: -2 }, 422, 'VALIDATION_FAILED', 'houseNodeId'],
    ['a missing house', { houseNodeId: 999_999 }, 422, 'VALIDATION_FAILED', 'houseNodeId'],
  ] as [string, Record<string, unknown>, number, string, string][])(
    'refuses %s with a specific error and creates nothing',
    async (_label, over, status, code, path) => {
      const tree = ctx.seed.tree.streets[0]!.communities[0]!;
      const houseNodeId =
        over.houseNodeId === -1
          ? tree.grids[0]!.buildingIds[0]!
          : over.houseNodeId === -2
            ? tree.id
            : ((over.houseNodeId as number | undefined) ?? house.id);
      const before = (await ctx.db.select({ id: users.id }).from(users)).length;
      const res = await post(
        signupInput(house.id, { ...over, houseNodeId }),
        `10.2.${Math.floor(Math.random() * 250)}.1`,
      );
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
      expect(res.json().error.details[0].message).toMatch(/[\u4e00-\u9fff]/);
      expect((await ctx.db.select({ id: users.id }).from(users)).length).toBe(before);
    },
  );

  it('refuses a second live account on the same phone (409 on phone), but allows it once the first was rejected', async () => {
    const first = await signUpResident(ctx.app, house.id);
    const again = await post(signupInput(house.id, { phone: first.body.phone }), '10.3.0.1');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details[0].path).toBe('phone');
    await ctx.db.update(users).set({ verificationState: 'rejected' }).where(eq(users.id, first.id));
    expect((await post(signupInput(house.id, { phone: first.body.phone }), '10.3.0.2')).statusCode).toBe(201);
  });

  it('throttles sign-ups from one address (5 an hour), counted in the database', async () => {
    for (let i = 0; i < 5; i++) expect((await post(signupInput(house.id), '10.4.4.4')).statusCode).toBe(201);
    const sixth = await post(signupInput(house.id), '10.4.4.4');
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error.message).toContain('注册过于频繁');
    const counted = await ctx.db.select().from(auditLog).where(eq(auditLog.ip, '10.4.4.4'));
    expect(counted.filter((r) => r.action === 'auth.signup')).toHaveLength(5);
    expect((await post(signupInput(house.id), '10.4.4.5')).statusCode).toBe(201);
  });
});
