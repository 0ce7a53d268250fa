import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../contracts/roles.ts';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { call, insertAccount, rosterCsv, uploadRoster } from './test-helpers.ts';

let ctx: TestContext;
const s: Record<string, Session> = {};
const ACTORS = ['admin', 'street', 'secretary', 'staff', 'gridworker', 'resident', 'dept'] as const;
type Who = (typeof ACTORS)[number];
let grids: { in: { id: number; code: string }; out: { id: number; code: string } };

beforeAll(async () => {
  ctx = await createTestApp();
  for (const u of ACTORS) s[u] = await loginAs(ctx.app, u);
  const street0 = ctx.seed.tree.streets[0]!;
  // "in": a grid of the secretary's community (so inside every administrator's scope);
  // "out": a grid of the other street (outside the street administrator's and the secretary's).
  grids = { in: street0.communities[0]!.grids[1]!, out: ctx.seed.tree.streets[1]!.communities[0]!.grids[0]! };
});
afterAll(async () => {
  await ctx.close();
});

type Action = 'create' | 'edit' | 'disable' | 'enable' | 'reset' | 'roster';
const ACTIONS: Action[] = ['create', 'edit', 'disable', 'enable', 'reset', 'roster'];
// What each actor gets acting on a grid worker in / out of their scope. No ability → 403 everywhere;
// outside scope → 404 (roster: 422, the row report names the out-of-scope code).
const EXPECTED: Record<Who, { in: number; out: number }> = {
  admin: { in: 200, out: 200 },
  street: { in: 200, out: 404 },
  secretary: { in: 200, out: 404 },
  staff: { in: 403, out: 403 },
  gridworker: { in: 403, out: 403 },
  resident: { in: 403, out: 403 },
  dept: { in: 403, out: 403 },
};

async function perform(who: Who, where: 'in' | 'out', action: Action) {
  const grid = grids[where];
  if (action === 'create')
    return (
      await call(ctx, s[who]!, 'POST', '/api/accounts', {
        username: `new_${who}_${where}`,
        displayName: '新网格员',
        role: 'grid_worker',
        scopeNodeId: grid.id,
      })
    ).status;
  if (action === 'roster') {
    const res = await uploadRoster(
      ctx,
      s[who]!,
      rosterCsv([[`roster_${who}_${where}`, '花名册网格员', '13912345678', '', '网格员', grid.code, '']]),
    );
    return res.status === 422 && res.body.error.details?.[0]?.message.includes('不在您的管辖范围') ? 404 : res.status;
  }
  const target = await insertAccount(ctx, 'grid_worker', grid.id, { disabled: action === 'enable' });
  const url = `/api/accounts/${target.id}`;
  if (action === 'edit') return (await call(ctx, s[who]!, 'PATCH', url, { displayName: '改名后' })).status;
  return (await call(ctx, s[who]!, 'POST', `${url}/${action === 'reset' ? 'reset-password' : action}`)).status;
}

describe('account administration: role × scope × action', () => {
  const cells = ACTORS.flatMap((who) =>
    (['in', 'out'] as const).flatMap((where) =>
      ACTIONS.map((action) => [who, where, action, EXPECTED[who][where]] as const),
    ),
  );
  it.each(cells)('%s, target %s scope, %s → %i', async (who, where, action, expected) => {
    expect(await perform(who, where, action)).toBe(expected);
  });
});

// Which roles each administrator may hand out: never one above their own rights.
const GRANTABLE: Record<'admin' | 'street' | 'secretary', Role[]> = {
  admin: [...ROLES],
  street: ROLES.filter((r) => r !== 'district_admin'),
  secretary: [
    'community_staff',
    'grid_worker',
    'building_leader',
    'party_member',
    'volunteer',
    'resident',
    'co_unit_contact',
    'property_company',
    'kiosk',
  ],
};

describe('nobody creates an account with more rights than their own', () => {
  const placement = async (role: Role) => {
    const street = ctx.seed.tree.streets[0]!;
    const community = street.communities[0]!;
    const grid = community.grids[0]!;
    const dept = (await ctx.pool.query(`select department_id from users where username = 'dept'`)).rows[0]
      .department_id as number;
    const byRole: Record<Role, { scopeNodeId: number; departmentId?: number }> = {
      district_admin: { scopeNodeId: ctx.seed.tree.district.id },
      street_admin: { scopeNodeId: street.id },
      community_secretary: { scopeNodeId: community.id },
      community_staff: { scopeNodeId: community.id },
      grid_worker: { scopeNodeId: grid.id },
      building_leader: { scopeNodeId: grid.buildingIds[1]! },
      party_member: { scopeNodeId: grid.id },
      volunteer: { scopeNodeId: community.id },
      resident: { scopeNodeId: grid.buildingIds[1]! },
      department_handler: { scopeNodeId: street.id, departmentId: dept },
      co_unit_contact: { scopeNodeId: community.id },
      property_company: { scopeNodeId: community.id },
      kiosk: { scopeNodeId: community.id },
    };
    return byRole[role];
  };
  const cells = (Object.keys(GRANTABLE) as (keyof typeof GRANTABLE)[]).flatMap((who) =>
    ROLES.map((role) => [who, role, GRANTABLE[who].includes(role) ? 200 : 403] as const),
  );
  it.each(cells)('%s grants %s → %i', async (who, role, expected) => {
    const res = await call(ctx, s[who]!, 'POST', '/api/accounts', {
      username: `g_${who}_${role}`.slice(0, 32),
      displayName: '授权测试',
      role,
      ...(await placement(role)),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(expected);
    const grantable = (await call(ctx, s[who]!, 'GET', '/api/accounts/grantable')).body.data.roles.map(
      (r: { role: Role }) => r.role,
    );
    expect(grantable.includes(role)).toBe(expected === 200);
  });
});
