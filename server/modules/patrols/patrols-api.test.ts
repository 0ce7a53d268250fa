import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTx } from '../../platform/db/tx.ts';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { seedDemoPatrols } from './index.ts';
import { uploadCasePhoto } from '../cases/test-helpers.ts';

let ctx: TestContext;
let ids: Map<string, number>;
let community: number;
let grids: number[];
let otherStreetGrid: number;
let planId: number;

const call = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const countOf = async (table: string) => (await ctx.pool.query(`select count(*)::int as n from ${table}`)).rows[0].n;

/** A point inside `gridId`: one of its buildings that the grid locator places there. */
async function pointIn(gridId: number): Promise<{ lng: number; lat: number }> {
  const { rows } = await ctx.pool.query(
    `select b.lng, b.lat from org_nodes b join org_nodes g on b.path like g.path || '%'
     where g.id = $1 and b.level = 'building' and b.lng is not null order by b.id limit 20`,
    [gridId],
  );
  for (const r of rows) if ((await ctx.deps.gridLookup.locate(r.lng, r.lat))?.id === gridId) return r;
  throw new Error(`网格 ${gridId} 内找不到可用的点`);
}

beforeAll(async () => {
  ctx = await createTestApp();
  const c1 = ctx.seed.tree.streets[0]!.communities[0]!;
  community = c1.id;
  grids = c1.grids.map((g) => g.id);
  otherStreetGrid = ctx.seed.tree.streets[1]!.communities[0]!.grids[0]!.id;
  const { rows } = await ctx.pool.query(`select id, username from users`);
  ids = new Map(rows.map((r) => [r.username, r.id]));
});
afterAll(async () => {
  await ctx.close();
});

const planBody = (patch: Record<string, unknown> = {}) => ({
  title: '市容秩序联合巡查',
  scopeNodeId: community,
  startsAt: hours(-1),
  endsAt: hours(3),
  memberUserIds: [ids.get('dept'), ids.get('gridworker'), ids.get('secretary')],
  routeGridIds: [grids[0], grids[1]],
  ...patch,
});

describe('planning a joint patrol', () => {
  it('street plans a patrol with a department handler, the grid worker and the secretary', async () => {
    const street = await loginAs(ctx.app, 'street');
    const res = await call(street, 'POST', '/api/patrols', planBody());
    expect(res.statusCode).toBe(201);
    const plan = res.json().data;
    planId = plan.id;
    expect(plan).toMatchObject({ status: 'planned', members: 3, gridsPlanned: 2, gridsCovered: 0, mayManage: true });
    expect(plan.route.map((r: { gridId: number }) => r.gridId)).toEqual([grids[0], grids[1]]);
    expect(plan.memberList.find((m: { userId: number }) => m.userId === ids.get('dept')).unit).toContain('城管中队');
    const dept = await loginAs(ctx.app, 'dept');
    const mine = (await call(dept, 'GET', '/api/patrols?view=mine')).json();
    expect(mine.data.map((p: { id: number }) => p.id)).toEqual([planId]);
    expect(mine.data[0]).toMatchObject({ isMember: true, mayManage: false });
  });

  it.each([
    ['a grid of another street on the route', { routeGridIds: [() => otherStreetGrid] }, 'routeGridIds.0'],
    ['a resident as member', { memberUserIds: [() => ids.get('resident'), () => ids.get('dept')] }, 'memberUserIds'],
    ['an end before the start', { endsAt: () => hours(-2) }, 'endsAt'],
    ['the same grid twice', { routeGridIds: [() => grids[0], () => grids[0]] }, 'routeGridIds'],
  ])('refuses %s (422 naming the field), writing nothing', async (_label, patch, field) => {
    const resolved = Object.fromEntries(
      Object.entries(patch).map(([k, v]) => [k, Array.isArray(v) ? v.map((f) => f()) : (v as () => unknown)()]),
    );
    const before = await countOf('patrol_plans');
    const res = await call(await loginAs(ctx.app, 'street'), 'POST', '/api/patrols', planBody(resolved));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(field);
    expect(await countOf('patrol_plans')).toBe(before);
  });
});

describe('walking the patrol', () => {
  it('checks a member in at a route grid, with a point inside it or none; refuses a point in another grid', async () => {
    const dept = await loginAs(ctx.app, 'dept');
    const plain = await call(dept, 'POST', `/api/patrols/${planId}/check-ins`, { gridId: grids[0] });
    expect(plain.statusCode).toBe(201);
    const again = await call(dept, 'POST', `/api/patrols/${planId}/check-ins`, { gridId: grids[0] });
    expect(again.json().data.id).toBe(plain.json().data.id);

    const worker = await loginAs(ctx.app, 'gridworker');
    const outside = await call(worker, 'POST', `/api/patrols/${planId}/check-ins`, {
      gridId: grids[0],
      ...(await pointIn(grids[1]!)),
    });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.details[0].path).toBe('lng');
    const inside = await call(worker, 'POST', `/api/patrols/${planId}/check-ins`, {
      gridId: grids[0],
      ...(await pointIn(grids[0]!)),
    });
    expect(inside.statusCode).toBe(201);
    expect(inside.json().data.lng).not.toBeNull();

    const offRoute = await call(worker, 'POST', `/api/patrols/${planId}/check-ins`, { gridId: otherStreetGrid });
    expect(offRoute.statusCode).toBe(422);
    expect(offRoute.json().error.details[0].path).toBe('gridId');
    const plan = (await call(dept, 'GET', `/api/patrols/${planId}`)).json().data;
    expect(plan).toMatchObject({ status: 'in_progress', gridsCovered: 1 });
    expect(plan.route[0].checkIns).toBe(2);
  });

  it('turns a finding into a case dispatched to the category’s department, in one go, with its timeline', async () => {
    const { rows } = await ctx.pool.query(`select id from case_categories where code = '0101'`);
    const dept = await loginAs(ctx.app, 'dept');
    const photoId = await uploadCasePhoto(ctx.app, dept);
    const res = await call(dept, 'POST', `/api/patrols/${planId}/findings`, {
      gridId: grids[0],
      categoryId: rows[0].id,
      description: '沿街商铺门前暴露垃圾堆放',
      photoIds: [photoId],
      ...(await pointIn(grids[0]!)),
    });
    expect(res.statusCode).toBe(201);
    const finding = res.json().data;
    expect(finding).toMatchObject({ caseState: 'dispatched', categoryName: '暴露垃圾' });
    const [kase] = (
      await ctx.pool.query(
        `select c.source, c.state, c.grid_id, c.dispatch_level, c.department_id, c.reporter_name, u.display_name, u.department_id as dept_of_member
         from cases c, users u where c.id = $1 and u.username = 'dept'`,
        [finding.caseId],
      )
    ).rows;
    expect(kase).toMatchObject({
      source: 'joint_patrol',
      state: 'dispatched',
      grid_id: grids[0],
      dispatch_level: 'department',
    });
    expect(kase.reporter_name).toBe(kase.display_name);
    expect(kase.department_id).toBe(kase.dept_of_member);
    // The member's photo went with the case filed in the organiser's name.
    expect((await ctx.pool.query(`select case_id from case_photos where id = $1`, [photoId])).rows[0].case_id).toBe(
      finding.caseId,
    );
    const events = (
      await ctx.pool.query(`select action from case_events where case_id = $1 order by id`, [finding.caseId])
    ).rows.map((e) => e.action);
    expect(events).toEqual(expect.arrayContaining(['accept', 'dispatch']));
    // The department now has it in its own queue.
    expect((await call(dept, 'GET', `/api/cases/${finding.caseId}`)).statusCode).toBe(200);
  });

  it('writes neither case nor finding when the finding is refused', async () => {
    const worker = await loginAs(ctx.app, 'gridworker');
    const [cases, findings] = [await countOf('cases'), await countOf('patrol_findings')];
    const res = await call(worker, 'POST', `/api/patrols/${planId}/findings`, {
      gridId: grids[1],
      categoryId: 999999,
      description: '井盖缺失',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].path).toBe('categoryId');
    expect([await countOf('cases'), await countOf('patrol_findings')]).toEqual([cases, findings]);
  });

  it('counts members, coverage, check-ins, findings and what became of their cases', async () => {
    const secretary = await loginAs(ctx.app, 'secretary');
    const res = await call(secretary, 'GET', `/api/patrols/${planId}/figures`);
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toEqual({
      planId,
      members: 3,
      departments: 1,
      gridsPlanned: 2,
      gridsCovered: 1,
      checkIns: 2,
      findings: 1,
      casesCreated: 1,
      casesClosed: 0,
      casesClosedOnTime: 0,
    });
    const [{ case_id: caseId }] = (await ctx.pool.query(`select case_id from patrol_findings`)).rows;
    await ctx.pool.query(`update cases set state = 'closed', closed_on_time = true where id = $1`, [caseId]);
    const after = (await call(secretary, 'GET', `/api/patrols/${planId}/figures`)).json().data;
    expect([after.casesClosed, after.casesClosedOnTime]).toEqual([1, 1]);
  });

  it('takes no check-in once the organiser finished the patrol, and no edit once it started', async () => {
    const street = await loginAs(ctx.app, 'street');
    const edit = await call(street, 'PUT', `/api/patrols/${planId}`, planBody());
    expect(edit.statusCode).toBe(409);
    const done = await call(street, 'POST', `/api/patrols/${planId}/status`, { action: 'finish' });
    expect(done.statusCode).toBe(200);
    expect(done.json().data.status).toBe('done');
    const late = await call(await loginAs(ctx.app, 'dept'), 'POST', `/api/patrols/${planId}/check-ins`, {
      gridId: grids[1],
    });
    expect(late.statusCode).toBe(409);
  });
});

describe('demo patrols', () => {
  it('seeds last week’s finished patrol and today’s planned one in the demo community, walked by dept', async () => {
    const c1 = ctx.seed.tree.streets[0]!.communities[0]!;
    expect(await withTx(ctx.db, (tx) => seedDemoPatrols(tx, c1))).toBe(2);
    const dept = await loginAs(ctx.app, 'dept');
    const mine = (await call(dept, 'GET', '/api/patrols?view=mine&pageSize=100')).json().data;
    const demo = mine.filter((p: { scopeNodeId: number; id: number }) => p.scopeNodeId === c1.id && p.id !== planId);
    expect(demo.map((p: { status: string }) => p.status).sort()).toEqual(['done', 'planned']);
    const done = demo.find((p: { status: string }) => p.status === 'done');
    expect(done.gridsCovered).toBe(done.gridsPlanned);
  });
});
