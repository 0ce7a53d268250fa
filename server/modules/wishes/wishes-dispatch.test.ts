import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTx } from '../../platform/db/tx.ts';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { users } from '../accounts/schema.ts';
import { notifications } from '../cases/schema.ts';
import { coUnits, partyOrgs } from '../org/schema.ts';
import { seedParty } from '../party/index.ts';
import { partyMembers, partyPoints } from '../party/schema.ts';
import { volunteerTeams } from '../volunteers/schema.ts';
import { wishItems } from './schema.ts';
import { DEMO_ACCOUNTS } from '../../test/demo-accounts.ts';

let ctx: TestContext;
const USERS = DEMO_ACCOUNTS;
const s: Record<string, Session> = {};
let memberId: number; // the demo `member` account's member record
let memberWithoutAccount: number;
let teamId: number;
let unitId: number;
let userIds: Record<string, number>;

const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: s[who]!.headers, ...(payload ? { payload } : {}) });

/** An open item in the demo community (staff publish it open), or in the other street's first community. */
async function openItem(
  title: string,
  where: 'own' | 'otherStreet' = 'own',
  kind: 'wish' | 'project' | 'service_post' = 'wish',
) {
  const communityId = where === 'own' ? undefined : ctx.seed.tree.streets[1]!.communities[0]!.id;
  const res = await call(where === 'own' ? 'secretary' : 'admin', 'POST', '/api/wishes', {
    kind,
    title,
    description: '需要有人帮忙完成',
    communityId,
  });
  expect(res.statusCode).toBe(201);
  return res.json().data as { id: number; version: number; state: string };
}

beforeAll(async () => {
  ctx = await createTestApp();
  await withTx(ctx.db, (tx) => seedParty(tx, ctx.seed.tree));
  for (const u of USERS) s[u] = await loginAs(ctx.app, u);
  userIds = Object.fromEntries(
    (await ctx.db.select({ id: users.id, username: users.username }).from(users)).map((u) => [u.username, u.id]),
  );
  memberId = (
    await ctx.db.select({ id: partyMembers.id }).from(partyMembers).where(eq(partyMembers.userId, userIds.member!))
  )[0]!.id;
  memberWithoutAccount = (
    await ctx.db
      .select({ id: partyMembers.id })
      .from(partyMembers)
      .where(sql`${partyMembers.userId} is null`)
      .limit(1)
  )[0]!.id;
  const community = ctx.seed.tree.streets[0]!.communities[0]!;
  teamId = (
    await ctx.db
      .insert(volunteerTeams)
      .values({
        communityId: community.id,
        communityPath: await pathOf(community.id),
        name: '党员志愿先锋队',
        leaderUserId: userIds.volunteer!,
        leaderName: '队长',
      })
      .returning({ id: volunteerTeams.id })
  )[0]!.id;
  // The `counit` account's unit, paired with the community's joint committee by the secretary.
  unitId = (await ctx.db.select({ coUnitId: users.coUnitId }).from(users).where(eq(users.username, 'counit')))[0]!
    .coUnitId!;
  const [joint] = await ctx.db
    .select({ id: partyOrgs.id })
    .from(partyOrgs)
    .where(and(eq(partyOrgs.kind, 'joint_committee'), eq(partyOrgs.nodeId, community.id)));
  const paired = await call('secretary', 'POST', `/api/party/orgs/${joint!.id}/pairings`, { coUnitId: unitId });
  expect([201, 409]).toContain(paired.statusCode);
});
afterAll(async () => {
  await ctx.close();
});

async function pathOf(nodeId: number) {
  const r = await ctx.pool.query<{ path: string }>('select path from org_nodes where id = $1', [nodeId]);
  return r.rows[0]!.path;
}

describe('dispatch (派单): role × scope × action', () => {
  // [GET dispatch options of an own-community item, dispatch it to the member, dispatch an other-street item]
  // Open items are on the public board, so every account sees them: outside the community's staff it is 403.
  // The administrator may dispatch the other street's item, but not to a member of another community (422).
  const MATRIX: [string, number[]][] = [
    ['admin', [200, 200, 422]],
    ['street', [200, 200, 403]],
    ['secretary', [200, 200, 403]],
    ['staff', [200, 200, 403]],
    ['gridworker', [403, 403, 403]],
    ['leader', [403, 403, 403]],
    ['member', [403, 403, 403]],
    ['volunteer', [403, 403, 403]],
    ['resident', [403, 403, 403]],
    ['dept', [403, 403, 403]],
    ['property', [403, 403, 403]],
    ['counit', [403, 403, 403]],
  ];
  it.each(MATRIX)('%s', async (who, expected) => {
    const own = await openItem(`派单矩阵-${who}`);
    const other = await openItem(`派单矩阵外街道-${who}`, 'otherStreet');
    const body = (v: number) => ({ version: v, assignee: { kind: 'member', id: memberId } });
    const got = [
      (await call(who, 'GET', `/api/wishes/${own.id}/dispatch-options`)).statusCode,
      (await call(who, 'POST', `/api/wishes/${own.id}/dispatch`, body(own.version))).statusCode,
      (await call(who, 'POST', `/api/wishes/${other.id}/dispatch`, body(other.version))).statusCode,
    ];
    expect(got).toEqual(expected);
    const [row] = await ctx.db.select({ state: wishItems.state }).from(wishItems).where(eq(wishItems.id, own.id));
    expect(row!.state).toBe(expected[1] === 200 ? 'claimed' : 'open');
  });
});

describe('dispatch (派单)', () => {
  it('gives a micro-project to a member, who is notified, fulfils it and earns the wish points once on confirmation', async () => {
    const item = await openItem('楼道加装扶手', 'own', 'project');
    const options = (await call('staff', 'GET', `/api/wishes/${item.id}/dispatch-options`)).json().data;
    expect(options.member.find((m: { id: number }) => m.id === memberId)).toMatchObject({ dispatchable: true });
    expect(options.member.find((m: { id: number }) => m.id === memberWithoutAccount)).toMatchObject({
      dispatchable: false,
      detail: '未开通账号',
    });
    expect(options.team.map((t: { id: number }) => t.id)).toContain(teamId);
    expect(options.co_unit.map((u: { id: number }) => u.id)).toContain(unitId);

    const dispatched = await call('staff', 'POST', `/api/wishes/${item.id}/dispatch`, {
      version: item.version,
      assignee: { kind: 'member', id: memberId },
      claimDays: 7,
      note: '请联系物业',
    });
    expect(dispatched.statusCode).toBe(200);
    const d = dispatched.json().data;
    expect(d).toMatchObject({ state: 'claimed', assignee: { kind: 'member', id: memberId } });
    expect(new Date(d.claimDueAt).getTime() - Date.now()).toBeGreaterThan(6.9 * 86400_000);
    const inbox = (await call('member', 'GET', '/api/notifications')).json().data as { kind: string; text: string }[];
    expect(inbox.find((n) => n.kind === 'wish.dispatch')?.text).toContain('楼道加装扶手');
    const mine = (await call('member', 'GET', '/api/wishes?view=mine&pageSize=100')).json().data as {
      id: number;
      abilities: string[];
    }[];
    expect(mine.find((w) => w.id === item.id)?.abilities).toEqual(expect.arrayContaining(['fulfil', 'release']));

    const fulfilled = await call('member', 'POST', `/api/wishes/${item.id}/transitions`, {
      action: 'fulfil',
      version: d.version,
      photo: 'files/rail.jpg',
    });
    expect(fulfilled.statusCode).toBe(200);
    const confirmed = await call('secretary', 'POST', `/api/wishes/${item.id}/transitions`, {
      action: 'confirm',
      version: fulfilled.json().data.version,
    });
    expect(confirmed.json().data.state).toBe('confirmed');
    const points = await ctx.db
      .select()
      .from(partyPoints)
      .where(and(eq(partyPoints.sourceKind, 'wish.fulfilled'), eq(partyPoints.sourceId, String(item.id))));
    expect(points).toHaveLength(1);
    expect(points[0]!.memberId).toBe(memberId);
  });

  it('dispatches to a volunteer team (its leader answers) and to a paired co-building unit (its contact answers)', async () => {
    const forTeam = await openItem('周末便民理发岗', 'own', 'service_post');
    const toTeam = await call('secretary', 'POST', `/api/wishes/${forTeam.id}/dispatch`, {
      version: forTeam.version,
      assignee: { kind: 'team', id: teamId },
    });
    expect(toTeam.json().data).toMatchObject({
      claimantName: '党员志愿先锋队',
      assignee: { kind: 'team', id: teamId, name: '党员志愿先锋队' },
    });
    expect((await call('volunteer', 'GET', `/api/wishes/${forTeam.id}`)).json().data.abilities).toContain('fulfil');

    const forUnit = await openItem('更换小区路灯');
    const toUnit = await call('secretary', 'POST', `/api/wishes/${forUnit.id}/dispatch`, {
      version: forUnit.version,
      assignee: { kind: 'co_unit', id: unitId },
    });
    expect(toUnit.statusCode).toBe(200);
    const [note] = await ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userIds.counit!), eq(notifications.kind, 'wish.dispatch')));
    expect(note!.text).toContain('更换小区路灯');
    // The unit's contact gives it back: it returns to the board with no assignee.
    const released = await call('counit', 'POST', `/api/wishes/${forUnit.id}/transitions`, {
      action: 'release',
      version: toUnit.json().data.version,
    });
    expect(released.json().data).toMatchObject({ state: 'open', assignee: null, claimantName: null });
  });

  it('answers bad input with 422 naming the field and a stale or wrong state with 409, leaving the item open', async () => {
    const item = await openItem('修理单元门');
    const other = ctx.seed.tree.streets[0]!.communities[1]!;
    const [stranger] = await ctx.db
      .insert(partyMembers)
      .values({
        name: '外社区党员',
        branchOrgId: 1,
        branchPath: await pathOf(other.id),
        homeCommunityId: other.id,
        userId: userIds.resident!,
      })
      .returning({ id: partyMembers.id });
    const [unpaired] = await ctx.db
      .insert(coUnits)
      .values({ name: '未结对单位', type: 'enterprise' })
      .returning({ id: coUnits.id });
    const cases: [string, object, string][] = [
      ['unknown kind', { version: item.version, assignee: { kind: 'company', id: 1 } }, 'assignee.kind'],
      ['no assignee id', { version: item.version, assignee: { kind: 'member' } }, 'assignee.id'],
      [
        'member without account',
        { version: item.version, assignee: { kind: 'member', id: memberWithoutAccount } },
        'assignee.id',
      ],
      [
        'member of another community',
        { version: item.version, assignee: { kind: 'member', id: stranger!.id } },
        'assignee.id',
      ],
      [
        'unit not paired here',
        { version: item.version, assignee: { kind: 'co_unit', id: unpaired!.id } },
        'assignee.id',
      ],
      ['zero days', { version: item.version, assignee: { kind: 'member', id: memberId }, claimDays: 0 }, 'claimDays'],
    ];
    for (const [label, payload, field] of cases) {
      const res = await call('secretary', 'POST', `/api/wishes/${item.id}/dispatch`, payload);
      expect(res.statusCode, label).toBe(422);
      expect(
        res.json().error.details.map((d: { path: string }) => d.path),
        label,
      ).toContain(field);
      expect(res.json().error.details[0].message, label).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(
      (
        await call('secretary', 'POST', `/api/wishes/${item.id}/dispatch`, {
          version: item.version + 5,
          assignee: { kind: 'member', id: memberId },
        })
      ).statusCode,
    ).toBe(409);
    const pending = (
      await call('resident', 'POST', '/api/wishes', { title: '待审核的心愿', description: '还没审核的心愿' })
    ).json().data;
    expect(
      (
        await call('secretary', 'POST', `/api/wishes/${pending.id}/dispatch`, {
          version: pending.version,
          assignee: { kind: 'member', id: memberId },
        })
      ).statusCode,
    ).toBe(409);
    const [row] = await ctx.db.select().from(wishItems).where(eq(wishItems.id, item.id));
    expect(row).toMatchObject({ state: 'open', assigneeKind: null, claimantUserId: null, version: item.version });
    // Through the generic transition route, 'dispatch' is not an action (it needs an assignee).
    expect(
      (
        await call('secretary', 'POST', `/api/wishes/${item.id}/transitions`, {
          action: 'dispatch',
          version: item.version,
        })
      ).statusCode,
    ).toBe(422);
  });
});
