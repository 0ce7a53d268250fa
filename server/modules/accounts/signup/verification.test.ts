import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../../test/test-app.ts';
import { houseCodesUnder, person } from '../../people/testing/fixtures.ts';
import { auditLog, users } from '../schema.ts';
import { signUpResident } from './testing.ts';

let ctx: TestContext;
let secretary: Session;
let homeHouses: { id: number; code: string }[];
let otherStreetHouse: { id: number; code: string };
let sameStreetOtherCommunityHouse: { id: number; code: string };
const people = { inHouse: 0, sameName: 0, samePhone: 0, elsewhere: 0 };

beforeAll(async () => {
  ctx = await createTestApp();
  secretary = await loginAs(ctx.app, 'secretary');
  const [s0, s1] = ctx.seed.tree.streets;
  homeHouses = await houseCodesUnder(ctx.db, s0!.communities[0]!.path, 3);
  [sameStreetOtherCommunityHouse] = (await houseCodesUnder(ctx.db, s0!.communities[1]!.path, 1)) as [
    typeof otherStreetHouse,
  ];
  [otherStreetHouse] = (await houseCodesUnder(ctx.db, s1!.communities[0]!.path, 1)) as [typeof otherStreetHouse];
  const register = async (seq: number, name: string, houseId: number, phone?: string, as = secretary) => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/people/residents',
      headers: as.headers,
      payload: { name, idNumber: person(700 + seq), houseId, phone, residenceType: '户籍', relation: '户主' },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().data.id as number;
  };
  people.inHouse = await register(1, '周建国', homeHouses[0]!.id);
  people.sameName = await register(2, '林小雨', homeHouses[1]!.id, '13600001111');
  people.samePhone = await register(3, '林雨', homeHouses[2]!.id, '13912340000');
  people.elsewhere = await register(
    4,
    '林小雨',
    sameStreetOtherCommunityHouse.id,
    undefined,
    await loginAs(ctx.app, 'street'),
  );
});
afterAll(async () => {
  await ctx.close();
});

const as = (s: Session, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  ctx.app.inject({ method, url, headers: s.headers, payload: payload as never });

describe('candidate matching (GET /api/accounts/signups/:id)', () => {
  it('offers residents of the claimed house and the community with the same name or phone, masked, best first', async () => {
    const { id } = await signUpResident(ctx.app, homeHouses[0]!.id, { displayName: '林小雨', phone: '13912340000' });
    const res = await as(secretary, 'GET', `/api/accounts/signups/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const { data, abilities } = res.json();
    expect(abilities).toEqual(['read', 'verify', 'reject']);
    expect(data.phoneMasked).toBe('139****0000');
    const byId = new Map(data.candidates.map((c: { id: number }) => [c.id, c]));
    expect(byId.get(people.sameName)).toMatchObject({
      name: '林小雨',
      sameName: true,
      samePhone: false,
      sameHouse: false,
      phoneMasked: '136****1111',
    });
    expect(byId.get(people.samePhone)).toMatchObject({ samePhone: true, sameName: false });
    expect(byId.get(people.inHouse)).toMatchObject({ sameHouse: true, sameName: false });
    expect(byId.has(people.elsewhere)).toBe(false); // another community
    expect(data.candidates[0].id).toBe(people.sameName);
    expect(data.candidates[0].idNumberMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
  });
});

describe('verify and reject', () => {
  it('verifying links the person, moves the account to their registered house, lifts the restriction and is audited', async () => {
    const { id, session } = await signUpResident(ctx.app, homeHouses[0]!.id, { displayName: '林小雨' });
    const res = await as(secretary, 'POST', `/api/accounts/signups/${id}/verify`, { personId: people.sameName });
    expect(res.statusCode, res.body).toBe(204);
    const [row] = await ctx.db.select().from(users).where(eq(users.id, id));
    expect(row).toMatchObject({
      verificationState: 'verified',
      personId: people.sameName,
      scopeNodeId: homeHouses[1]!.id,
    });
    expect(row!.verifiedAt).toBeInstanceOf(Date);
    const me = (await ctx.app.inject({ method: 'GET', url: '/api/me', headers: session.headers })).json().data;
    expect(me.restriction).toBeNull();
    expect(me.abilities).toContain('cases.report');
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/org/my-area/grids', headers: session.headers })).statusCode,
    ).toBe(200);
    const audit = await ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, String(id)));
    expect(audit.map((a) => a.action)).toContain('accounts.signup.verify');
    expect(
      (await as(secretary, 'GET', '/api/accounts/signups?state=verified')).json().data.map((s: { id: number }) => s.id),
    ).toContain(id);
  });

  it.each([
    ['a person of another community', () => people.elsewhere],
    ['a missing person', () => 999_999],
  ])('refuses to verify against %s (422 on personId)', async (_l, personId) => {
    const { id } = await signUpResident(ctx.app, homeHouses[0]!.id);
    const res = await as(secretary, 'POST', `/api/accounts/signups/${id}/verify`, { personId: personId() });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].path).toBe('personId');
  });

  it('rejecting needs a note; the resident reads it, corrects the claim and is pending again', async () => {
    const { id, session } = await signUpResident(ctx.app, homeHouses[0]!.id);
    const noNote = await as(secretary, 'POST', `/api/accounts/signups/${id}/reject`, { note: '' });
    expect(noNote.statusCode).toBe(422);
    expect(noNote.json().error.details[0].path).toBe('note');
    expect(
      (await as(secretary, 'POST', `/api/accounts/signups/${id}/reject`, { note: '实有人口中无此人，请核对房号' }))
        .statusCode,
    ).toBe(204);
    const mine = (await ctx.app.inject({ method: 'GET', url: '/api/me/verification', headers: session.headers })).json()
      .data;
    expect(mine).toMatchObject({ state: 'rejected', note: '实有人口中无此人，请核对房号' });
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/me', headers: session.headers })).json().data.restriction,
    ).toBe('pending_verification');
    const fix = await ctx.app.inject({
      method: 'PUT',
      url: '/api/me/verification',
      headers: session.headers,
      payload: { displayName: '周建国', phone: '13700002222', houseNodeId: homeHouses[0]!.id },
    });
    expect(fix.statusCode, fix.body).toBe(204);
    const again = (
      await ctx.app.inject({ method: 'GET', url: '/api/me/verification', headers: session.headers })
    ).json().data;
    expect(again).toMatchObject({ state: 'pending', displayName: '周建国', phone: '13700002222' });
    const bad = await ctx.app.inject({
      method: 'PUT',
      url: '/api/me/verification',
      headers: session.headers,
      payload: { displayName: '周建国', phone: '12345', houseNodeId: homeHouses[0]!.id },
    });
    expect(bad.statusCode).toBe(422);
  });

  it('a decided sign-up cannot be rejected again (409)', async () => {
    const { id } = await signUpResident(ctx.app, homeHouses[0]!.id);
    await as(secretary, 'POST', `/api/accounts/signups/${id}/verify`, { personId: people.inHouse });
    expect((await as(secretary, 'POST', `/api/accounts/signups/${id}/reject`, { note: '重复' })).statusCode).toBe(409);
  });
});

describe('access matrix: role × scope × action', () => {
  type Where = 'in' | 'out';
  const houseFor = (where: Where) => (where === 'in' ? homeHouses[0]!.id : otherStreetHouse.id);
  const expected: [string, Where, number, number, number][] = [
    // role, sign-up location, list sees it (1/0 or 403), verify status, reject status
    ['secretary', 'in', 1, 204, 204],
    ['staff', 'in', 1, 204, 204],
    ['street', 'in', 1, 403, 403],
    ['admin', 'in', 1, 403, 403],
    ['gridworker', 'in', 403, 403, 403],
    ['resident', 'in', 403, 403, 403],
    ['property', 'in', 403, 403, 403],
    ['secretary', 'out', 0, 404, 404],
    ['staff', 'out', 0, 404, 404],
    ['street', 'out', 0, 404, 404],
    ['admin', 'out', 1, 403, 403],
  ];
  it.each(expected)(
    '%s on a sign-up %s of scope: list %s, verify %s, reject %s',
    async (role, where, list, verify, reject) => {
      const s = await loginAs(ctx.app, role);
      const a = await signUpResident(ctx.app, houseFor(where));
      const b = await signUpResident(ctx.app, houseFor(where));
      const listed = await as(s, 'GET', '/api/accounts/signups?state=pending&pageSize=200');
      if (list === 403) expect(listed.statusCode).toBe(403);
      else expect(listed.json().data.some((r: { id: number }) => r.id === a.id)).toBe(list === 1);
      const detail = await as(s, 'GET', `/api/accounts/signups/${a.id}`);
      expect(detail.statusCode).toBe(list === 1 ? 200 : list === 0 ? 404 : verify === 404 ? 404 : 403);
      const personId = where === 'in' ? people.inHouse : 999_999;
      expect((await as(s, 'POST', `/api/accounts/signups/${a.id}/verify`, { personId })).statusCode).toBe(verify);
      expect((await as(s, 'POST', `/api/accounts/signups/${b.id}/reject`, { note: '请核对房号' })).statusCode).toBe(
        reject,
      );
      const [stateB] = await ctx.db.select({ state: users.verificationState }).from(users).where(eq(users.id, b.id));
      expect(stateB!.state).toBe(reject === 204 ? 'rejected' : 'pending');
    },
  );

  it('a pending resident cannot reach the staff routes (403 ACCOUNT_RESTRICTED)', async () => {
    const { session } = await signUpResident(ctx.app, homeHouses[0]!.id);
    const res = await as(session, 'GET', '/api/accounts/signups');
    expect(res.json().error.code).toBe('ACCOUNT_RESTRICTED');
  });
});
