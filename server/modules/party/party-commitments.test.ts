import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { withTx } from '../../platform/db/tx.ts';
import { createTestApp, loginAs, TEST_PASSWORD, type Session, type TestContext } from '../../test/test-app.ts';
import { users } from '../accounts/schema.ts';
import { partyOrgs } from '../org/schema.ts';
import { partyCommitments, partyMembers } from './schema.ts';
import { seedParty } from './seed.ts';

let ctx: TestContext;
const USERS = [
  'admin',
  'street',
  'secretary',
  'staff',
  'gridworker',
  'leader',
  'member',
  'volunteer',
  'resident',
  'dept',
  'property',
  'counit',
  'branchsec',
] as const;
const s: Record<string, Session> = {};
const YEAR = 2026;
let branch: number;
let otherStreetBranch: number;
/** Members of the demo branch: the secretary (given the `branchsec` account) and two others. */
let members: { id: number; duty: string }[];

const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: s[who]!.headers, ...(payload ? { payload } : {}) });
const commit = async (memberId: number, content: string) =>
  (
    await ctx.db
      .insert(partyCommitments)
      .values({ memberId, year: YEAR, content })
      .returning({ id: partyCommitments.id })
  )[0]!.id;

beforeAll(async () => {
  ctx = await createTestApp();
  await withTx(ctx.db, (tx) => seedParty(tx, ctx.seed.tree));
  const [s1, s2] = ctx.seed.tree.streets;
  const branchOf = async (gridId: number) =>
    (
      await ctx.db
        .select({ id: partyOrgs.id })
        .from(partyOrgs)
        .where(and(eq(partyOrgs.nodeId, gridId), eq(partyOrgs.kind, 'grid_branch')))
    )[0]!.id;
  branch = await branchOf(s1!.communities[0]!.grids[0]!.id);
  otherStreetBranch = await branchOf(s2!.communities[0]!.grids[0]!.id);
  members = await ctx.db
    .select({ id: partyMembers.id, duty: partyMembers.duty })
    .from(partyMembers)
    .where(eq(partyMembers.branchOrgId, branch))
    .orderBy(asc(partyMembers.id));
  // The branch secretary signs in as a party member: what they may do comes from the duty, not the role.
  const secretary = members.find((m) => m.duty === 'secretary')!;
  const [account] = await ctx.db
    .insert(users)
    .values({
      username: 'branchsec',
      displayName: '支部书记',
      passwordHash: await hashPassword(TEST_PASSWORD),
      role: 'party_member',
      scopeNodeId: s1!.communities[0]!.grids[0]!.id,
    })
    .returning({ id: users.id });
  await ctx.db.update(partyMembers).set({ userId: account!.id }).where(eq(partyMembers.id, secretary.id));
  for (const u of USERS) s[u] = await loginAs(ctx.app, u);
  // A commitment in the other street, so its branch has something to hide.
  const [stranger] = await ctx.db
    .select({ id: partyMembers.id })
    .from(partyMembers)
    .where(eq(partyMembers.branchOrgId, otherStreetBranch))
    .limit(1);
  if (stranger) await commit(stranger.id, '外街道承诺');
});
afterAll(async () => {
  await ctx.close();
});

describe('commitment check (承诺践诺): role × scope × action', () => {
  // [GET branches with figures, GET the demo branch's commitments, POST mark one fulfilled, GET the other street's branch]
  const MATRIX: [string, number[]][] = [
    ['admin', [200, 200, 200, 200]],
    ['street', [200, 200, 200, 404]],
    ['secretary', [200, 200, 200, 404]],
    ['staff', [200, 200, 200, 404]],
    ['gridworker', [200, 200, 403, 404]],
    ['branchsec', [200, 200, 200, 404]],
    ['leader', [403, 404, 404, 404]],
    ['member', [403, 403, 404, 404]],
    ['volunteer', [403, 403, 404, 404]],
    ['resident', [403, 404, 404, 404]],
    ['dept', [403, 403, 404, 404]],
    ['property', [403, 403, 404, 404]],
    ['counit', [403, 403, 404, 404]],
  ];
  it.each(MATRIX)('%s', async (who, expected) => {
    const id = await commit(members[2]!.id, `矩阵承诺-${who}`);
    const got = [
      (await call(who, 'GET', `/api/party/commitments/branches?year=${YEAR}`)).statusCode,
      (await call(who, 'GET', `/api/party/branches/${branch}/commitments?year=${YEAR}`)).statusCode,
      (await call(who, 'POST', `/api/party/commitments/${id}/mark`, { state: 'fulfilled', note: '已完成' })).statusCode,
      (await call(who, 'GET', `/api/party/branches/${otherStreetBranch}/commitments?year=${YEAR}`)).statusCode,
    ];
    expect(got).toEqual(expected);
    const [row] = await ctx.db
      .select({ state: partyCommitments.state })
      .from(partyCommitments)
      .where(eq(partyCommitments.id, id));
    expect(row!.state).toBe(expected[2] === 200 ? 'fulfilled' : 'published');
  });
});

describe('commitment check (承诺践诺)', () => {
  it('the branch secretary sees only their branch, marks commitments with a note, and the figures follow', async () => {
    await ctx.db.delete(partyCommitments);
    const [a, b, c] = [members[3]!, members[4]!, members[5]!];
    const ids = [
      await commit(a.id, '每月参加一次楼道清洁'),
      await commit(a.id, '帮扶一户困难家庭'),
      await commit(b.id, '义务巡逻每周一次'),
    ];
    await ctx.db.insert(partyCommitments).values({ memberId: c.id, year: YEAR - 1, content: '去年的承诺' });

    const list = (await call('branchsec', 'GET', `/api/party/commitments/branches?year=${YEAR}`)).json();
    expect(list.data.map((b: { branchId: number }) => b.branchId)).toEqual([branch]);
    expect(list.data[0]).toMatchObject({
      members: 8,
      committed: 2,
      commitments: 3,
      pending: 3,
      fulfilled: 0,
      unfulfilled: 0,
      fulfilRate: null,
    });

    const page = (await call('branchsec', 'GET', `/api/party/branches/${branch}/commitments?year=${YEAR}`)).json();
    expect(page.abilities).toEqual(['mark']);
    expect(page.data).toHaveLength(3);

    expect(
      (
        await call('branchsec', 'POST', `/api/party/commitments/${ids[0]}/mark`, {
          state: 'fulfilled',
          note: '楼道清洁签到 12 次',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await call('branchsec', 'POST', `/api/party/commitments/${ids[2]}/mark`, {
          state: 'unfulfilled',
          note: '因伤未能参加巡逻',
        })
      ).statusCode,
    ).toBe(200);
    // A marked commitment stays marked.
    expect(
      (
        await call('branchsec', 'POST', `/api/party/commitments/${ids[0]}/mark`, {
          state: 'unfulfilled',
          note: '改主意',
        })
      ).statusCode,
    ).toBe(409);

    const after = (await call('staff', 'GET', `/api/party/branches/${branch}/commitments?year=${YEAR}`)).json();
    expect(after.figures).toMatchObject({ commitments: 3, fulfilled: 1, unfulfilled: 1, pending: 1, fulfilRate: 50 });
    const marked = after.data.find((r: { id: number }) => r.id === ids[0]);
    expect(marked).toMatchObject({ state: 'fulfilled', note: '楼道清洁签到 12 次', markedByName: '支部书记' });
    expect(after.data[0].state).toBe('published');
    const onlyOpen = (
      await call('staff', 'GET', `/api/party/branches/${branch}/commitments?year=${YEAR}&state=published`)
    ).json();
    expect(onlyOpen.data.map((r: { id: number }) => r.id)).toEqual([ids[1]]);
    const community = (
      await call('secretary', 'GET', `/api/party/commitments/branches?year=${YEAR}&pageSize=100`)
    ).json();
    expect(community.data.find((r: { branchId: number }) => r.branchId === branch)).toMatchObject({
      fulfilled: 1,
      unfulfilled: 1,
      fulfilRate: 50,
    });
    expect(community.page.total).toBe(community.data.length);
  });

  it('answers bad input with 422 naming the field, and marks nothing', async () => {
    const id = await commit(members[6]!.id, '节假日值守');
    const cases: [string, object, string][] = [
      ['unfulfilled without a note', { state: 'unfulfilled' }, 'note'],
      ['unknown state', { state: 'maybe', note: 'x' }, 'state'],
      ['note too long', { state: 'fulfilled', note: '长'.repeat(201) }, 'note'],
    ];
    for (const [label, payload, field] of cases) {
      const res = await call('branchsec', 'POST', `/api/party/commitments/${id}/mark`, payload);
      expect(res.statusCode, label).toBe(422);
      expect(
        res.json().error.details.map((d: { path: string }) => d.path),
        label,
      ).toContain(field);
      expect(res.json().error.details[0].message, label).toMatch(/[\u4e00-\u9fa5]/);
    }
    const bad = await call('staff', 'GET', `/api/party/commitments/branches?year=19`);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details[0].path).toBe('querystring.year');
    const [row] = await ctx.db
      .select({ state: partyCommitments.state })
      .from(partyCommitments)
      .where(eq(partyCommitments.id, id));
    expect(row!.state).toBe('published');
  });
});
