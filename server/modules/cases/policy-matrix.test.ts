import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { act, actOk, categoryId, pointInGrid, report } from './test-helpers.ts';

let ctx: TestContext;
const s: Record<string, Session> = {};
let deptId: number;

const ACCOUNTS = [
  'admin',
  'street',
  'secretary',
  'staff',
  'gridworker',
  'gw2',
  'leader',
  'member',
  'volunteer',
  'resident',
  'dept',
  'property',
  'counit',
] as const;
type Account = (typeof ACCOUNTS)[number];

beforeAll(async () => {
  ctx = await createTestApp();
  const gw2 = `gw${ctx.seed.tree.streets[0]!.communities[0]!.grids[1]!.code}`;
  for (const u of ACCOUNTS) s[u] = await loginAs(ctx.app, u === 'gw2' ? gw2 : u);
  deptId = (await ctx.pool.query(`select department_id from users where username = 'dept'`)).rows[0].department_id;
});
afterAll(async () => {
  await ctx.close();
});

/** Steps (by whom) that bring a fresh case to the state where the tested action is due. */
const SETUP: Record<string, [Account, string, Record<string, unknown>][]> = {
  accept: [],
  dispatch: [['secretary', 'accept', {}]],
  sign: [
    ['secretary', 'accept', {}],
    ['secretary', 'dispatch', {}],
  ],
  handle: [
    ['secretary', 'accept', {}],
    ['secretary', 'dispatch', {}],
    ['dept', 'sign', {}],
  ],
  verify: [
    ['secretary', 'accept', {}],
    ['secretary', 'dispatch', {}],
    ['dept', 'sign', {}],
    ['dept', 'handle', { feedback: '已处理' }],
  ],
  close: [
    ['secretary', 'accept', {}],
    ['secretary', 'dispatch', {}],
    ['dept', 'sign', {}],
    ['dept', 'handle', { feedback: '已处理' }],
    ['gridworker', 'verify', {}],
  ],
  rate: [
    ['secretary', 'accept', {}],
    ['secretary', 'dispatch', {}],
    ['dept', 'sign', {}],
    ['dept', 'handle', { feedback: '已处理' }],
    ['gridworker', 'verify', {}],
    ['secretary', 'close', {}],
  ],
};
const BODY: Record<string, Record<string, unknown>> = { handle: { feedback: '已处理完毕' }, rate: { score: 4 } };

// 200 allowed · 403 sees the case but may not act · 404 the case is outside what they can see.
// The case: reported by `resident` in grid 1 of community 1, whistled to `dept` (城管中队).
const MATRIX: Record<string, Record<Account, number>> = {
  accept: {
    admin: 200,
    street: 200,
    secretary: 200,
    staff: 200,
    gridworker: 403,
    gw2: 404,
    leader: 404,
    member: 404,
    volunteer: 404,
    resident: 403,
    dept: 404,
    property: 404,
    counit: 404,
  },
  dispatch: {
    admin: 200,
    street: 200,
    secretary: 200,
    staff: 200,
    gridworker: 403,
    gw2: 404,
    leader: 404,
    member: 404,
    volunteer: 404,
    resident: 403,
    dept: 404,
    property: 404,
    counit: 404,
  },
  sign: {
    admin: 403,
    street: 403,
    secretary: 403,
    staff: 403,
    gridworker: 403,
    gw2: 404,
    leader: 404,
    member: 404,
    volunteer: 404,
    resident: 403,
    dept: 200,
    property: 404,
    counit: 404,
  },
  handle: {
    admin: 403,
    street: 403,
    secretary: 403,
    staff: 403,
    gridworker: 403,
    gw2: 404,
    leader: 404,
    member: 404,
    volunteer: 404,
    resident: 403,
    dept: 200,
    property: 404,
    counit: 404,
  },
  verify: {
    admin: 403,
    street: 403,
    secretary: 200,
    staff: 200,
    gridworker: 200,
    gw2: 404,
    leader: 404,
    member: 404,
    volunteer: 404,
    resident: 403,
    dept: 403,
    property: 404,
    counit: 404,
  },
  close: {
    admin: 200,
    street: 200,
    secretary: 200,
    staff: 200,
    gridworker: 403,
    gw2: 404,
    leader: 404,
    member: 404,
    volunteer: 404,
    resident: 403,
    dept: 403,
    property: 404,
    counit: 404,
  },
  rate: {
    admin: 403,
    street: 403,
    secretary: 403,
    staff: 403,
    gridworker: 403,
    gw2: 404,
    leader: 404,
    member: 404,
    volunteer: 404,
    resident: 200,
    dept: 403,
    property: 404,
    counit: 404,
  },
};

describe('case actions: role × scope matrix', () => {
  const cells = Object.entries(MATRIX).flatMap(([action, row]) =>
    ACCOUNTS.map((who) => [action, who, row[who]] as const),
  );
  it.each(cells)('%s by %s → %i', async (action, who, expected) => {
    const grid = ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!;
    const c = await report(ctx.app, s.resident!, {
      title: '占道经营',
      description: '早点摊占用人行道',
      categoryId: await categoryId(ctx, '占道经营'),
      ...(await pointInGrid(ctx, grid.id)),
    });
    for (const [by, step, body] of SETUP[action]!)
      await actOk(
        ctx.app,
        s[by]!,
        c.id,
        step,
        step === 'dispatch' ? { level: 'department', departmentId: deptId } : body,
      );
    const version = (await ctx.pool.query(`select version from cases where id = $1`, [c.id])).rows[0].version;
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/${action}`,
      headers: s[who]!.headers,
      payload: {
        version,
        ...(action === 'dispatch' ? { level: 'department', departmentId: deptId } : (BODY[action] ?? {})),
      },
    });
    expect(res.statusCode, res.body).toBe(expected);
  });
});

describe('GET /api/cases/:id visibility', () => {
  it('shows a case to staff of its area, its reporter and its department only', async () => {
    const grid = ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!;
    const c = await report(ctx.app, s.resident!, {
      title: '井盖缺失',
      description: '路口井盖不见了',
      ...(await pointInGrid(ctx, grid.id)),
    });
    const seen = async () =>
      Object.fromEntries(
        await Promise.all(
          ACCOUNTS.map(async (u) => [
            u,
            (await ctx.app.inject({ method: 'GET', url: `/api/cases/${c.id}`, headers: s[u]!.headers })).statusCode,
          ]),
        ),
      );
    expect(await seen()).toEqual({
      admin: 200,
      street: 200,
      secretary: 200,
      staff: 200,
      gridworker: 200,
      gw2: 404,
      leader: 404,
      member: 404,
      volunteer: 404,
      resident: 200,
      dept: 404,
      property: 404,
      counit: 404,
    });
    await actOk(ctx.app, s.secretary!, c.id, 'accept', { categoryId: await categoryId(ctx, '井盖破损或丢失') });
    await actOk(ctx.app, s.secretary!, c.id, 'dispatch', { level: 'department', departmentId: deptId });
    expect((await seen()).dept).toBe(200);
    expect((await act(ctx.app, s.gw2!, c.id, 'verify')).statusCode).toBe(404);
  });
});
