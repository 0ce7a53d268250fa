import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { pointInGrid, report } from '../cases/test-helpers.ts';

let ctx: TestContext;
const s: Record<string, Session> = {};
const ACCOUNTS = ['admin', 'street', 'secretary', 'staff', 'gridworker', 'resident'] as const;
type Account = (typeof ACCOUNTS)[number];

const q = async (sql: string, args: unknown[] = []) => (await ctx.pool.query(sql, args)).rows;
const call = (who: Account, method: 'PATCH' | 'POST' | 'GET', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: s[who]!.headers, ...(payload ? { payload } : {}) });
const snapshot = async () =>
  JSON.stringify(await q(`select id, parent_id, path, name, retired_at from org_nodes order by id`));

beforeAll(async () => {
  ctx = await createTestApp();
  for (const u of ACCOUNTS) s[u] = await loginAs(ctx.app, u);
});
afterAll(async () => {
  await ctx.close();
});

/** A node of `level` under `path`, the first by code. */
const first = async (level: string, path: string) =>
  (
    await q(
      `select id, path, code, parent_id from org_nodes where level = $1 and path like $2 and retired_at is null order by code limit 1`,
      [level, `${path}%`],
    )
  )[0];

describe('who may maintain which node (role × scope × action)', () => {
  const street1 = () => ctx.seed.tree.streets[0]!;
  const TARGETS: Record<string, () => Promise<{ id: number }>> = {
    'a building of community 1': async () => ({
      id: (await q(`select scope_node_id as id from users where username = 'resident'`))[0].id,
    }),
    'a grid of community 1': async () => ({ id: street1().communities[0]!.grids[0]!.id }),
    'a community of street 2': async () => ({ id: ctx.seed.tree.streets[1]!.communities[0]!.id }),
  };
  // 200 allowed · 403 in scope, not allowed · 404 outside scope.
  const MATRIX: [string, Record<Account, number>][] = [
    // The resident's account hangs under this very building: in scope, not allowed.
    [
      'a building of community 1',
      { admin: 200, street: 200, secretary: 403, staff: 403, gridworker: 403, resident: 403 },
    ],
    ['a grid of community 1', { admin: 200, street: 200, secretary: 200, staff: 403, gridworker: 403, resident: 404 }],
    [
      'a community of street 2',
      { admin: 200, street: 404, secretary: 404, staff: 404, gridworker: 404, resident: 404 },
    ],
  ];
  it.each(MATRIX.flatMap(([target, expected]) => ACCOUNTS.map((who) => [target, who, expected[who]] as const)))(
    'renaming %s as %s',
    async (target, who, status) => {
      const node = await TARGETS[target]!();
      const [{ name }] = await q(`select name from org_nodes where id = $1`, [node.id]);
      const res = await call(who, 'PATCH', `/api/org/nodes/${node.id}`, { name });
      expect(res.statusCode, res.body).toBe(status);
    },
  );

  it.each([
    ['secretary', 403],
    ['staff', 403],
    ['gridworker', 403],
  ] as const)('retiring and moving are refused to %s (%i)', async (who, status) => {
    const building = await first('building', ctx.seed.tree.streets[0]!.communities[0]!.path);
    const before = await snapshot();
    expect((await call(who, 'POST', `/api/org/nodes/${building.id}/retire`)).statusCode).toBe(status);
    const estate = await first('estate', ctx.seed.tree.streets[0]!.communities[0]!.path);
    const grid2 = ctx.seed.tree.streets[0]!.communities[0]!.grids[1]!;
    expect((await call(who, 'POST', `/api/org/nodes/${estate.id}/move`, { parentId: grid2.id })).statusCode).toBe(
      status,
    );
    expect(await snapshot()).toBe(before);
  });
});

describe('retiring', () => {
  it('refuses a node with active children (409) and a grid with open cases (409), writing nothing', async () => {
    const community = ctx.seed.tree.streets[0]!.communities[0]!;
    const before = await snapshot();
    const res = await call('street', 'POST', `/api/org/nodes/${community.id}/retire`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('仍有未撤销的下级');

    const grid = community.grids[0]!;
    const where = await pointInGrid(ctx, grid.id);
    await report(ctx.app, s.resident!, { title: '楼道堆物', description: '楼道堆满杂物', ...where });
    // Empty the grid of children and workers so only the open case stands in the way.
    const [gridRow] = await q(`select path from org_nodes where id = $1`, [grid.id]);
    await q(`update org_nodes set retired_at = now() where path like $1 and id <> $2`, [`${gridRow.path}%`, grid.id]);
    await q(`update grid_assignments set ended_at = now() where grid_node_id = $1 and ended_at is null`, [grid.id]);
    const middle = await snapshot();
    const open = await call('street', 'POST', `/api/org/nodes/${grid.id}/retire`);
    expect(open.statusCode).toBe(409);
    expect(open.json().error.message).toContain('未办结的案件');
    expect(await snapshot()).toBe(middle);
    expect(before).not.toBe(middle);

    await q(`update cases set state = 'closed' where grid_id = $1`, [grid.id]);
    const ok = await call('street', 'POST', `/api/org/nodes/${grid.id}/retire`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().data.code).toBe(grid.code);
    // Gone from lists, maps and the point lookup; the code and its history stay.
    const children = (await call('street', 'GET', `/api/org/nodes/${community.id}/children?pageSize=100`)).json().data;
    expect(children.map((c: { id: number }) => c.id)).not.toContain(grid.id);
    const withRetired = (
      await call('street', 'GET', `/api/org/nodes/${community.id}/children?pageSize=100&retired=true`)
    ).json().data;
    expect(withRetired.find((c: { id: number }) => c.id === grid.id).retiredAt).toBeTruthy();
    const map = (await call('street', 'GET', `/api/org/nodes/${community.id}/grids`)).json();
    expect(map.features.map((f: { id: number }) => f.id)).not.toContain(grid.id);
    expect((await call('resident', 'GET', `/api/org/locate?lng=${where.lng}&lat=${where.lat}`)).statusCode).toBe(422);
    expect(
      await q(`select 1 from audit_log where action = 'org.node.retire' and target_id = $1`, [String(grid.id)]),
    ).toHaveLength(1);
  });
});

describe('moving', () => {
  it('moves an estate to another grid of its community, re-pathing its subtree and the copies of those paths', async () => {
    const community = ctx.seed.tree.streets[0]!.communities[0]!;
    const grid2 = community.grids[1]!;
    const estate = await first(
      'estate',
      `${(await q(`select path from org_nodes where id = $1`, [community.grids[2]!.id]))[0].path}`,
    );
    const subtree = await q(`select id from org_nodes where path like $1`, [`${estate.path}%`]);
    const res = await call('street', 'POST', `/api/org/nodes/${estate.id}/move`, { parentId: grid2.id });
    expect(res.statusCode, res.body).toBe(200);
    const [g2] = await q(`select path from org_nodes where id = $1`, [grid2.id]);
    const newPath = `${g2.path}${estate.id}/`;
    expect(res.json().data).toMatchObject({ parentId: grid2.id, path: newPath, code: estate.code });
    const moved = await q(`select id from org_nodes where path like $1`, [`${newPath}%`]);
    expect(moved.map((r) => r.id).sort()).toEqual(subtree.map((r) => r.id).sort());
    expect(await q(`select id from org_nodes where path like $1`, [`${estate.path}%`])).toHaveLength(0);
    // No module keeps the old path anywhere (every *_path column but history).
    const cols = await q(
      `select table_name, column_name from information_schema.columns where table_schema = current_schema() and data_type = 'text' and column_name ~ '(^|_)path$' and table_name not in ('audit_log', 'live_events')`,
    );
    for (const c of cols)
      expect(
        await q(`select 1 from "${c.table_name}" where "${c.column_name}" like $1 limit 1`, [`${estate.path}%`]),
        `${c.table_name}.${c.column_name}`,
      ).toHaveLength(0);
  });

  const BAD: [string, () => Promise<[number, number]>, string][] = [
    [
      'an estate to a grid of another community',
      async () => [
        (await first('estate', ctx.seed.tree.streets[0]!.communities[0]!.path))!.id,
        ctx.seed.tree.streets[0]!.communities[1]!.grids[0]!.id,
      ],
      '同一社区',
    ],
    [
      'a grid',
      async () => [
        ctx.seed.tree.streets[0]!.communities[0]!.grids[1]!.id,
        ctx.seed.tree.streets[0]!.communities[1]!.id,
      ],
      '只能在社区内迁移小区和楼栋',
    ],
    [
      'an estate under a building',
      async () => [
        (await first('estate', ctx.seed.tree.streets[0]!.communities[0]!.path))!.id,
        (await first('building', ctx.seed.tree.streets[0]!.communities[0]!.path))!.id,
      ],
      '小区只能迁到网格',
    ],
  ];
  it.each(BAD)('refuses to move %s (422) and changes nothing', async (_label, pick, message) => {
    const [id, parentId] = await pick();
    const before = await snapshot();
    const res = await call('admin', 'POST', `/api/org/nodes/${id}/move`, { parentId });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.details[0]).toMatchObject({ path: 'parentId' });
    expect(res.json().error.message).toContain(message);
    expect(await snapshot()).toBe(before);
  });
});
