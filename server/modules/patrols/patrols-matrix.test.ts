import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { CREATE, LIST, MANAGE, READ, ROLES, WALK } from './testing/matrix-expectations.ts';

/**
 * Role × scope × action matrix of joint patrols. Plans: the demo community's (members dept and
 * gridworker), another community of the street's, the other street's (their grid workers).
 */
let ctx: TestContext;
const sessions = new Map<string, Session>();
let scopes: { communityId: number; grids: number[]; members: number[] }[];
let plans: number[];

const call = (s: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const body = (i: number) => ({
  title: '联合巡查',
  scopeNodeId: scopes[i]!.communityId,
  startsAt: hours(-1),
  endsAt: hours(3),
  memberUserIds: scopes[i]!.members,
  routeGridIds: scopes[i]!.grids,
});

beforeAll(async () => {
  ctx = await createTestApp();
  for (const r of ROLES) sessions.set(r, await loginAs(ctx.app, r));
  const [s1, s2] = ctx.seed.tree.streets;
  const communities = [s1!.communities[0]!, s1!.communities[1]!, s2!.communities[0]!];
  const idOf = async (username: string) =>
    (await ctx.pool.query(`select id from users where username = $1`, [username])).rows[0].id as number;
  const gridWorkers = async (path: string) =>
    (
      await ctx.pool.query(
        `select u.id from users u join org_nodes n on n.id = u.scope_node_id
         where u.role = 'grid_worker' and n.path like $1 || '%' order by u.id limit 2`,
        [path],
      )
    ).rows.map((r) => r.id as number);
  scopes = await Promise.all(
    communities.map(async (c, i) => ({
      communityId: c.id,
      grids: c.grids.slice(0, 2).map((g) => g.id),
      members: i === 0 ? [await idOf('dept'), await idOf('gridworker')] : await gridWorkers(c.path),
    })),
  );
  const admin = sessions.get('admin')!;
  plans = [];
  for (const i of [0, 1, 2]) {
    const res = await call(admin, 'POST', '/api/patrols', body(i));
    expect(res.statusCode).toBe(201);
    plans.push(res.json().data.id);
    expect((await call(admin, 'POST', `/api/patrols/${plans[i]}/status`, { action: 'start' })).statusCode).toBe(200);
  }
});
afterAll(async () => {
  await ctx.close();
});

describe('joint patrols: role × scope × action', () => {
  it.each(ROLES)('%s', async (role) => {
    const s = sessions.get(role)!;
    const seen: Record<string, number[]> = { create: [], read: [], figures: [], walk: [], manage: [] };
    for (const i of [0, 1, 2]) {
      seen.create!.push((await call(s, 'POST', '/api/patrols', body(i))).statusCode);
      seen.read!.push((await call(s, 'GET', `/api/patrols/${plans[i]}`)).statusCode);
      seen.figures!.push((await call(s, 'GET', `/api/patrols/${plans[i]}/figures`)).statusCode);
      const grid = scopes[i]!.grids[0];
      seen.walk!.push((await call(s, 'POST', `/api/patrols/${plans[i]}/check-ins`, { gridId: grid })).statusCode);
      seen.manage!.push((await call(s, 'POST', `/api/patrols/${plans[i]}/status`, { action: 'start' })).statusCode);
    }
    expect(seen).toEqual({
      create: CREATE[role],
      read: READ[role],
      figures: READ[role],
      walk: WALK[role],
      manage: MANAGE[role],
    });
    expect((await call(s, 'GET', '/api/patrols')).statusCode).toBe(LIST[role]);
  });

  it('lists each account only the plans it plans for or walks in', async () => {
    const visible = async (role: string) =>
      (await call(sessions.get(role)!, 'GET', '/api/patrols?pageSize=100'))
        .json()
        .data.map((p: { id: number }) => p.id);
    expect(await visible('dept')).toEqual(expect.arrayContaining([plans[0]]));
    expect(await visible('dept')).not.toContain(plans[1]);
    expect(await visible('staff')).toEqual([]);
    expect(await visible('street')).toEqual(expect.arrayContaining([plans[0], plans[1]]));
    expect(await visible('street')).not.toContain(plans[2]);
  });
});
