import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestContext } from '../../test/test-app.ts';
import { gridAssignments, users } from '../accounts/schema.ts';

let ctx: TestContext;
let passwordHash: string;
let hireSeq = 0;

beforeAll(async () => {
  ctx = await createTestApp();
  [{ passwordHash }] = (await ctx.db.select({ passwordHash: users.passwordHash }).from(users).limit(1)) as [
    { passwordHash: string },
  ];
});
afterAll(async () => {
  await ctx.close();
});

/** A newly hired grid worker, not yet placed in any grid. */
async function hire(
  role: 'grid_worker' | 'volunteer' = 'grid_worker',
  scopeNodeId: number | null = null,
): Promise<number> {
  hireSeq += 1;
  const [row] = await ctx.db
    .insert(users)
    .values({
      username: `hire${hireSeq}`,
      displayName: `新网格员${hireSeq}`,
      passwordHash,
      role,
      scopeNodeId,
      phone: `1380000${String(hireSeq).padStart(4, '0')}`,
    })
    .returning();
  return row!.id;
}
const community = () => ctx.seed.tree.streets[0]!.communities[0]!;
const assign = async (username: string, gridId: number, userId: number, note = '人员调整') => {
  const s = await loginAs(ctx.app, username);
  return ctx.app.inject({
    method: 'POST',
    url: `/api/org/grids/${gridId}/worker`,
    headers: s.headers,
    payload: { userId, note },
  });
};
const openRow = async (gridId: number) =>
  (
    await ctx.db
      .select()
      .from(gridAssignments)
      .where(and(eq(gridAssignments.gridNodeId, gridId), isNull(gridAssignments.endedAt)))
  )[0];

describe('seeded assignments', () => {
  it('every seeded grid has its worker as the open assignment, and the grid card reads it', async () => {
    const grid = community().grids[0]!;
    const [gw] = await ctx.db.select().from(users).where(eq(users.username, 'gridworker'));
    expect((await openRow(grid.id))?.userId).toBe(gw!.id);
    const s = await loginAs(ctx.app, 'secretary');
    const card = (await ctx.app.inject({ method: 'GET', url: `/api/org/grids/${grid.id}`, headers: s.headers })).json()
      .data;
    expect(card.gridWorker.id).toBe(gw!.id);
    expect(card.abilities).toContain('assign_worker');
  });
});

describe('POST /api/org/grids/:id/worker', () => {
  it('ends the open assignment, opens a new one, moves scopes, and keeps the history', async () => {
    const grid = community().grids[1]!;
    const before = await openRow(grid.id);
    const newcomer = await hire();
    const res = await assign('secretary', grid.id, newcomer, '原网格员调岗');
    expect(res.statusCode, res.body).toBe(204);
    expect((await openRow(grid.id))?.userId).toBe(newcomer);
    const [outgoing] = await ctx.db.select().from(users).where(eq(users.id, before!.userId));
    expect(outgoing!.scopeNodeId).toBeNull();
    const [incoming] = await ctx.db.select().from(users).where(eq(users.id, newcomer));
    expect(incoming!.scopeNodeId).toBe(grid.id);
    const s = await loginAs(ctx.app, 'street');
    const history = (
      await ctx.app.inject({ method: 'GET', url: `/api/org/grids/${grid.id}/workers`, headers: s.headers })
    ).json().data;
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ userId: newcomer, endedAt: null, note: '原网格员调岗' });
    expect(history[0].assignedBy).toBeTruthy();
    expect(history[1]).toMatchObject({ userId: before!.userId });
    expect(history[1].endedAt).not.toBeNull();
    const card = (await ctx.app.inject({ method: 'GET', url: `/api/org/grids/${grid.id}`, headers: s.headers })).json()
      .data;
    expect(card.gridWorker.id).toBe(newcomer);
  });

  it('a worker holds one grid: moving them ends their previous assignment, leaving that grid unstaffed', async () => {
    const [from, to] = [community().grids[2] ?? community().grids[0]!, community().grids[1]!];
    const moving = (await openRow(from.id))!.userId;
    expect((await assign('secretary', to.id, moving)).statusCode).toBe(204);
    expect(await openRow(from.id)).toBeUndefined();
    expect((await openRow(to.id))?.userId).toBe(moving);
    const open = await ctx.db
      .select()
      .from(gridAssignments)
      .where(and(eq(gridAssignments.userId, moving), isNull(gridAssignments.endedAt)));
    expect(open).toHaveLength(1);
  });

  it.each([
    ['a volunteer account', async () => hire('volunteer'), 422, 'userId'],
    [
      'a grid worker of another community',
      async () => hire('grid_worker', ctx.seed.tree.streets[1]!.communities[0]!.grids[0]!.id),
      422,
      'userId',
    ],
    ['a missing account', async () => 999_999, 422, 'userId'],
  ])('refuses %s and changes nothing', async (_l, user, status, path) => {
    const grid = community().grids[0]!;
    const before = await openRow(grid.id);
    const res = await assign('secretary', grid.id, await user());
    expect(res.statusCode).toBe(status);
    expect(res.json().error.details[0].path).toBe(path);
    expect((await openRow(grid.id))?.id).toBe(before?.id);
  });

  type Case = [string, 'own community' | 'other community' | 'other street', number];
  it.each<Case>([
    // The grid worker's own grid (first, while they still hold it); a resident lives below the grid: 404.
    ['staff', 'own community', 403],
    ['gridworker', 'own community', 403],
    ['resident', 'own community', 404],
    ['secretary', 'own community', 204],
    ['street', 'own community', 204],
    ['admin', 'own community', 204],
    ['secretary', 'other community', 404],
    ['street', 'other community', 204],
    ['street', 'other street', 404],
    ['admin', 'other street', 204],
  ])('%s reassigning a grid in %s → %s', async (role, where, status) => {
    const c =
      where === 'own community'
        ? community()
        : where === 'other community'
          ? ctx.seed.tree.streets[0]!.communities[1]!
          : ctx.seed.tree.streets[1]!.communities[0]!;
    const grid = c.grids[0]!;
    const before = await openRow(grid.id);
    const res = await assign(role, grid.id, await hire());
    expect(res.statusCode, res.body).toBe(status);
    if (status !== 204) expect((await openRow(grid.id))?.id).toBe(before?.id);
    const history = await loginAs(ctx.app, role).then((s) =>
      ctx.app.inject({ method: 'GET', url: `/api/org/grids/${grid.id}/workers`, headers: s.headers }),
    );
    expect(history.statusCode).toBe(status === 404 ? 404 : 200);
  });
});
