import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';

let ctx: TestContext;
let secretary: Session;
let community: { id: number };
let grid: { id: number };

beforeAll(async () => {
  ctx = await createTestApp();
  secretary = await loginAs(ctx.app, 'secretary');
  community = ctx.seed.tree.streets[0]!.communities[0]!;
  grid = ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!;
});
afterAll(async () => {
  await ctx.close();
});

const send = (s: Session, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
const person = (over: object = {}) => ({
  name: '周建国',
  gender: '男',
  birthYear: 1975,
  phone: '13912345678',
  partyMember: true,
  unit: '路南社区居委会',
  nodeId: community.id,
  ...over,
});

describe('posts, cross-appointments and the reserve pool', () => {
  let own: number;
  let external: number;

  it('keeps cadres with masked phones', async () => {
    own = (await send(secretary, 'POST', '/api/cadres', person())).json().data.id;
    external = (
      await send(
        secretary,
        'POST',
        '/api/cadres',
        person({ name: '李执法', unit: '区综合行政执法大队党支部', external: true }),
      )
    ).json().data.id;
    const detail = (await send(secretary, 'GET', `/api/cadres/${own}`)).json().data;
    expect(detail).toMatchObject({ phoneMasked: '139****5678', canManage: true, posts: [] });
    expect(JSON.stringify(detail)).not.toContain('13912345678');
  });

  it('rejects bad input with field paths, writing nothing', async () => {
    const res = await send(secretary, 'POST', '/api/cadres', person({ phone: '12345', name: '甲' }));
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['name', 'phone']);
    const wrongLevel = await send(secretary, 'POST', '/api/cadres/posts', {
      nodeId: community.id,
      cadreId: own,
      kind: 'building_leader',
      startedOn: '2026-01-01',
    });
    expect(wrongLevel.statusCode).toBe(422);
    expect(wrongLevel.json().error.details).toEqual([{ path: 'kind', message: '楼栋长须设在小区/街巷、楼栋' }]);
    expect((await send(secretary, 'GET', '/api/cadres')).json().page.total).toBe(2);
  });

  it('records a department leader on the committee as a cross-appointment', async () => {
    const res = await send(secretary, 'POST', '/api/cadres/posts', {
      nodeId: community.id,
      cadreId: external,
      kind: 'branch_committee',
      title: '社区党委兼职委员',
      startedOn: '2026-01-01',
    });
    expect(res.statusCode).toBe(201);
    const posts = (await send(secretary, 'GET', `/api/cadres/posts?nodeId=${community.id}`)).json();
    expect(posts.data).toMatchObject([{ cadreName: '李执法', title: '社区党委兼职委员', crossAppointment: true }]);
    expect(posts.canManage).toBe(true);
  });

  it('allows one estate secretary per grid, appoints from the reserve pool, and keeps the history', async () => {
    const reserve = await send(secretary, 'POST', '/api/cadres/reserve', {
      cadreId: own,
      targetKind: 'estate_secretary',
    });
    expect(reserve.statusCode).toBe(201);
    const appoint = (cadreId: number) =>
      send(secretary, 'POST', '/api/cadres/posts', {
        nodeId: grid.id,
        cadreId,
        kind: 'estate_secretary',
        startedOn: '2026-02-01',
      });
    const first = await appoint(own);
    expect(first.statusCode).toBe(201);
    expect((await appoint(external)).statusCode).toBe(409);
    const pool = (await send(secretary, 'GET', '/api/cadres/reserve')).json().data;
    expect(pool).toMatchObject([{ cadreId: own, state: 'appointed' }]);
    expect((await send(secretary, 'GET', `/api/cadres/${own}`)).json().data.currentPosts).toEqual(['小区党支部书记']);
    const end = await send(secretary, 'POST', `/api/cadres/posts/${first.json().data.id}/end`, {
      endedOn: '2026-03-01',
    });
    expect(end.statusCode).toBe(200);
    const detail = (await send(secretary, 'GET', `/api/cadres/${own}`)).json().data;
    expect(detail.currentPosts).toEqual([]);
    expect(detail.posts).toMatchObject([{ kind: 'estate_secretary', endedOn: '2026-03-01', crossAppointment: false }]);
    expect((await appoint(external)).statusCode).toBe(201);
  });
});

describe('grid force roster on the grid card', () => {
  it('shows the roster with masked phones and the posts held in the grid', async () => {
    const staff = await loginAs(ctx.app, 'staff');
    const add = await send(staff, 'POST', '/api/cadres/forces', {
      gridId: grid.id,
      role: 'police',
      name: '王警官',
      unit: '路南派出所',
      phone: '13800001111',
    });
    expect(add.statusCode).toBe(201);
    const card = (await send(staff, 'GET', `/api/analytics/grids/${grid.id}`)).json().data;
    expect(card.forces).toMatchObject([{ role: 'police', name: '王警官', phoneMasked: '138****1111' }]);
    expect(card.posts).toMatchObject([{ kind: 'estate_secretary', name: '李执法' }]);
    expect(JSON.stringify(card)).not.toContain('13800001111');
    const removed = await send(staff, 'DELETE', `/api/cadres/forces/${add.json().data.id}`);
    expect(removed.statusCode).toBe(200);
    expect((await send(staff, 'GET', `/api/cadres/forces?gridId=${grid.id}`)).json()).toEqual({
      data: [],
      canEdit: true,
    });
  });
});
