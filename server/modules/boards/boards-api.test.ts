import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { seedCommunityLifeFor } from '../services/test-seed.ts';

let ctx: TestContext;
/** Boards at increasing distance from the resident's building. */
let board: Record<'ownBuilding' | 'ownGrid' | 'ownCommunity' | 'otherBuilding' | 'otherGrid', number>;

beforeAll(async () => {
  ctx = await createTestApp();
  await seedCommunityLifeFor(ctx);
  const c1 = ctx.seed.tree.streets[0]!.communities[0]!;
  const [g1, g2] = c1.grids;
  const byNode = async (nodeId: number) =>
    (await ctx.pool.query(`select id from boards where node_id = $1`, [nodeId])).rows[0].id as number;
  board = {
    ownBuilding: await byNode(g1!.buildingIds[0]!),
    ownGrid: await byNode(g1!.id),
    ownCommunity: await byNode(c1.id),
    otherBuilding: await byNode(g1!.buildingIds[1]!),
    otherGrid: await byNode(g2!.id),
  };
});
afterAll(async () => {
  await ctx.close();
});

const get = (s: Session, url: string) => ctx.app.inject({ method: 'GET', url, headers: s.headers });
const post = (s: Session, url: string, payload: object) =>
  ctx.app.inject({ method: 'POST', url, headers: s.headers, payload });

// GET /api/boards/:id for ownBuilding, ownGrid, ownCommunity, otherBuilding, otherGrid.
// Residents see the boards of where they live (the chain above their building); staff those they cover.
const MATRIX: [string, number[]][] = [
  ['resident', [200, 200, 200, 404, 404]],
  ['leader', [200, 200, 200, 404, 404]],
  ['member', [404, 200, 200, 404, 404]],
  ['volunteer', [404, 404, 200, 404, 404]],
  ['gridworker', [200, 200, 200, 200, 404]],
  ['staff', [200, 200, 200, 200, 200]],
  ['secretary', [200, 200, 200, 200, 200]],
  ['street', [200, 200, 200, 200, 200]],
  ['dept', [404, 404, 404, 404, 404]],
  ['property', [404, 404, 404, 404, 404]],
  ['counit', [404, 404, 404, 404, 404]],
];

describe('GET /api/boards/:id visibility by residence', () => {
  it.each(MATRIX)('%s sees exactly the boards of where they live or what they cover', async (username, expected) => {
    const s = await loginAs(ctx.app, username);
    const got = [];
    for (const id of Object.values(board)) got.push((await get(s, `/api/boards/${id}`)).statusCode);
    expect(got).toEqual(expected);
  });

  it('lists a resident their building, grid and community boards, nearest first', async () => {
    const s = await loginAs(ctx.app, 'resident');
    const ids = (await get(s, '/api/boards')).json().data.map((b: { id: number }) => b.id);
    expect(ids.slice(0, 1)).toEqual([board.ownBuilding]);
    expect(ids).toEqual(expect.arrayContaining([board.ownGrid, board.ownCommunity]));
    expect(ids).not.toContain(board.otherBuilding);
  });
});

describe('posting and moderation', () => {
  it('lets residents post and reply but not announce; staff announce; a hidden post disappears for residents', async () => {
    const resident = await loginAs(ctx.app, 'resident');
    const staff = await loginAs(ctx.app, 'staff');
    expect(
      (
        await post(resident, `/api/boards/${board.ownBuilding}/posts`, {
          kind: 'announcement',
          title: '通知',
          body: '停水',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await post(staff, `/api/boards/${board.ownBuilding}/posts`, {
          kind: 'announcement',
          title: '停水通知',
          body: '周三 9:00–12:00 停水',
        })
      ).statusCode,
    ).toBe(201);
    const help = await post(resident, `/api/boards/${board.ownBuilding}/posts`, {
      kind: 'help',
      title: '求借梯子',
      body: '换灯泡需要梯子',
    });
    expect(help.statusCode).toBe(201);
    const helpId = help.json().data.id;
    expect(
      (await post(staff, `/api/boards/${board.ownBuilding}/posts/${helpId}/replies`, { body: '驿站有梯子可借' }))
        .statusCode,
    ).toBe(201);
    const leader = await loginAs(ctx.app, 'leader');
    const bad = (
      await post(leader, `/api/boards/${board.ownGrid}/posts`, { kind: 'post', title: '广告', body: '低价出售…' })
    ).json().data.id;
    expect(
      (await post(resident, `/api/boards/${board.ownGrid}/posts/${bad}/report`, { reason: '商业广告' })).statusCode,
    ).toBe(201);
    expect(
      (await post(resident, `/api/boards/${board.ownGrid}/posts/${bad}/report`, { reason: '商业广告' })).statusCode,
    ).toBe(409);
    expect((await get(staff, `/api/boards/${board.ownGrid}`)).json().data.reports).toHaveLength(1);
    expect(
      (await post(resident, `/api/boards/${board.ownGrid}/posts/${bad}/hide`, { reason: '想隐藏' })).statusCode,
    ).toBe(403);
    expect(
      (await post(staff, `/api/boards/${board.ownGrid}/posts/${bad}/hide`, { reason: '商业广告，违反公约' }))
        .statusCode,
    ).toBe(200);
    expect((await get(staff, `/api/boards/${board.ownGrid}`)).json().data.reports).toHaveLength(0);
    const residentView = (await get(resident, `/api/boards/${board.ownGrid}/posts`)).json().data;
    expect(residentView.map((p: { id: number }) => p.id)).not.toContain(bad);
    const authorView = (await get(leader, `/api/boards/${board.ownGrid}/posts`)).json().data;
    expect(authorView.find((p: { id: number }) => p.id === bad).hiddenReason).toBe('商业广告，违反公约');
    const buildingView = (await get(resident, `/api/boards/${board.ownBuilding}/posts`)).json().data;
    expect(buildingView[0].kind).toBe('announcement');
    expect(buildingView.find((p: { id: number }) => p.id === helpId).replies).toBe(1);
  });

  it('refuses an event without time and place', async () => {
    const resident = await loginAs(ctx.app, 'resident');
    const res = await post(resident, `/api/boards/${board.ownGrid}/posts`, {
      kind: 'event',
      title: '邻里百家宴',
      body: '欢迎参加',
    });
    expect(res.statusCode).toBe(422);
  });
});

describe('live updates', () => {
  it('announces posts to the staff covering the board and replies to the post author by name', async () => {
    const resident = await loginAs(ctx.app, 'resident');
    const staff = await loginAs(ctx.app, 'staff');
    const before = Number((await ctx.pool.query(`select coalesce(max(id), 0) as n from live_events`)).rows[0].n);
    const p = (
      await post(resident, `/api/boards/${board.ownBuilding}/posts`, {
        kind: 'help',
        title: '求助搬家',
        body: '周六需要两位邻居帮忙',
      })
    ).json().data;
    await post(staff, `/api/boards/${board.ownBuilding}/posts/${p.id}/replies`, { body: '已联系志愿者' });
    const { rows } = await ctx.pool.query(
      `select topic, scope_path, user_id, payload from live_events where id > $1 order by id`,
      [before],
    );
    const residentId = (await ctx.pool.query(`select id from users where username = 'resident'`)).rows[0].id;
    const path = (await ctx.pool.query(`select scope_path from boards where id = $1`, [board.ownBuilding])).rows[0]
      .scope_path;
    expect(rows.map((r) => [r.topic, r.scope_path, r.user_id, r.payload.action, r.payload.boardId])).toEqual([
      ['board.changed', path, null, 'post', board.ownBuilding],
      ['board.changed', path, null, 'reply', board.ownBuilding],
      ['board.changed', null, residentId, 'reply', board.ownBuilding],
    ]);
  });
});
