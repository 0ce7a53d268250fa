import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { applyMeetingResolution, listCasesForAgenda } from './index.ts';
import { actOk, categoryId, pointInGrid, report } from './test-helpers.ts';

let ctx: TestContext;
const s: Record<string, Session> = {};
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

beforeAll(async () => {
  ctx = await createTestApp();
  for (const u of ['resident', 'secretary', 'gridworker', 'street', 'dept']) s[u] = await loginAs(ctx.app, u);
  const grid = ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!;
  const cat = await categoryId(ctx, '暴露垃圾');
  // A small fixture whose figures are computed by hand below: 4 cases in grid 1.
  const ids: number[] = [];
  for (let i = 0; i < 4; i++)
    ids.push(
      (
        await report(ctx.app, s.resident!, {
          title: `垃圾${i}`,
          description: '堆放',
          ...(await pointInGrid(ctx, grid.id)),
        })
      ).id,
    );
  for (const id of ids.slice(0, 3)) {
    await actOk(ctx.app, s.secretary!, id, 'accept', { categoryId: cat });
    await actOk(ctx.app, s.secretary!, id, 'dispatch', { level: 'grid' });
    await actOk(ctx.app, s.gridworker!, id, 'sign');
    await actOk(ctx.app, s.gridworker!, id, 'handle', { feedback: '已清运' });
  }
  // Case 0: verified first time, closed, rated 5. Case 1: reworked once, then closed, rated 2. Case 2: handled late, not verified yet.
  await actOk(ctx.app, s.gridworker!, ids[0]!, 'verify');
  await actOk(ctx.app, s.secretary!, ids[0]!, 'close');
  await actOk(ctx.app, s.resident!, ids[0]!, 'rate', { score: 5 });
  await actOk(ctx.app, s.gridworker!, ids[1]!, 'rework', { reason: '未清理干净' });
  await actOk(ctx.app, s.gridworker!, ids[1]!, 'handle', { feedback: '再次清运' });
  await actOk(ctx.app, s.gridworker!, ids[1]!, 'verify');
  await actOk(ctx.app, s.secretary!, ids[1]!, 'close');
  await actOk(ctx.app, s.resident!, ids[1]!, 'rate', { score: 2 });
  await ctx.pool.query(`update cases set handled_on_time = false where id = $1`, [ids[2]]);
});
afterAll(async () => {
  await ctx.close();
});

describe('GET /api/cases/indicators', () => {
  it('computes the standard indicators per grid, matching the hand count', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/cases/indicators?from=${today}&to=${today}&groupBy=grid`,
      headers: s.secretary!.headers,
    });
    expect(res.statusCode).toBe(200);
    const { rows, totals } = res.json().data;
    expect(rows).toHaveLength(1);
    expect(totals).toMatchObject({
      reported: 4,
      accepted: 3,
      closed: 2,
      onTimeAcceptRate: 100,
      onTimeHandleRate: 66.7,
      onTimeCloseRate: 100,
      reworkRate: 33.3,
      returnRate: 0,
      verifyPassRate: 50,
      satisfactionRate: 50,
    });
  });

  it('exports the same figures as CSV with a BOM and a totals row', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/cases/indicators?from=${today}&to=${today}&groupBy=community&format=csv`,
      headers: s.street!.headers,
    });
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toContain('按期处置率%');
    expect(lines.at(-1)).toMatch(/^合计,4,3,2,/);
  });

  it('writes a node named like a formula as text, and the figures as numbers (csv and xlsx)', async () => {
    const community = ctx.seed.tree.streets[0]!.communities[0]!;
    const formula = '=HYPERLINK("http://x","y")';
    await ctx.pool.query(`update org_nodes set name = $1 where id = $2`, [formula, community.id]);
    try {
      const url = `/api/cases/indicators?from=${today}&to=${today}&groupBy=community`;
      const csv = await ctx.app.inject({ method: 'GET', url: `${url}&format=csv`, headers: s.street!.headers });
      const rows = parse(csv.body, { bom: true }) as string[][];
      expect(rows[1]!.slice(0, 2)).toEqual([`'${formula}`, '4']);
      const xlsx = await ctx.app.inject({ method: 'GET', url: `${url}&format=xlsx`, headers: s.street!.headers });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const row = book.worksheets[0]!.getRow(2);
      expect(row.getCell(1).value).toBe(`'${formula}`);
      expect(row.getCell(2).value).toBe(4);
    } finally {
      await ctx.pool.query(`update org_nodes set name = $1 where id = $2`, [community.name, community.id]);
    }
  });

  it('refuses a reversed period and a node outside the scope', async () => {
    expect(
      (
        await ctx.app.inject({
          method: 'GET',
          url: `/api/cases/indicators?from=2026-02-01&to=2026-01-01`,
          headers: s.secretary!.headers,
        })
      ).statusCode,
    ).toBe(422);
    const other = ctx.seed.tree.streets[1]!.id;
    expect(
      (
        await ctx.app.inject({
          method: 'GET',
          url: `/api/cases/indicators?from=${today}&to=${today}&nodeId=${other}`,
          headers: s.secretary!.headers,
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('meeting agenda hand-off', () => {
  it('puts a case on the agenda and returns it to the loop with the resolution', async () => {
    const grid = ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!;
    const c = await report(ctx.app, s.resident!, {
      title: '小区停车位划分争议',
      description: '需业主协商',
      ...(await pointInGrid(ctx, grid.id)),
    });
    await actOk(ctx.app, s.secretary!, c.id, 'accept', { categoryId: await categoryId(ctx, '公共空间占用') });
    await actOk(ctx.app, s.secretary!, c.id, 'put_on_agenda');
    const secretary = {
      userId: 0,
      username: '',
      displayName: '',
      role: 'community_secretary' as const,
      scopeNodeId: ctx.seed.tree.streets[0]!.communities[0]!.id,
      scopePath: ctx.seed.tree.streets[0]!.communities[0]!.path,
      departmentId: null,
      restriction: null,
    };
    secretary.userId = (await ctx.pool.query(`select id from users where username = 'secretary'`)).rows[0].id;
    expect((await listCasesForAgenda(ctx.db, secretary)).map((r) => r.id)).toContain(c.id);
    const updated = await ctx.db.transaction((tx) =>
      applyMeetingResolution(tx, secretary, c.id, { resolution: '按楼栋轮换使用', meetingId: 7 }),
    );
    expect(updated.state).toBe('accepted');
    const timeline = (
      await ctx.app.inject({ method: 'GET', url: `/api/cases/${c.id}`, headers: s.secretary!.headers })
    ).json().data.timeline;
    expect(timeline.at(-1)).toMatchObject({ action: 'resolve_agenda', note: '会议决议（会议 #7）：按楼栋轮换使用' });
  });
});
