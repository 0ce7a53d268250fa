import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkingCalendar } from '../../platform/calendar/load.ts';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { dueAtFor } from './deadline-steps.ts';
import { resolveLimits } from './limits.ts';
import { categoryId, pointInGrid } from './test-helpers.ts';

let ctx: TestContext;
let staff: Session;
let grids: { id: number; path: string }[];
beforeAll(async () => {
  ctx = await createTestApp();
  staff = await loginAs(ctx.app, 'staff');
  const { rows } = await ctx.pool.query(`select n.id, n.path from org_nodes n join users u on u.username = 'staff'
    join org_nodes c on c.id = u.scope_node_id where n.level = 'grid' and n.path like c.path || '%' order by n.id limit 2`);
  grids = rows;
});
afterAll(async () => {
  await ctx.close();
});

function upload(session: Session, name: string, body: string) {
  const boundary = '----hotline';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.from(body),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return ctx.app.inject({
    method: 'POST',
    url: '/api/cases/import',
    headers: { ...session.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

const count = async (sql: string, params: unknown[] = []) => Number((await ctx.pool.query(sql, params)).rows[0].count);

describe('hotline import, set-based', () => {
  it('writes located cases with grid, deadline, timeline and live events and ONE audit row; a bad point is reported and nothing of it is written; a second import creates nothing', async () => {
    const [a, b] = [await pointInGrid(ctx, grids[0]!.id), await pointInGrid(ctx, grids[1]!.id)];
    const lines = ['工单号,诉求标题,诉求内容,事发地址,来电人,来电号码,诉求类别,经度,纬度'];
    for (let i = 0; i < 40; i++) {
      const p = i % 2 ? a : b;
      lines.push(
        `BULK${String(i).padStart(4, '0')},路灯不亮${i},巷口路灯坏了${i}天,路南社区巷口,市民${i},1391234${String(i).padStart(4, '0')},路灯不亮,${p.lng},${p.lat}`,
      );
    }
    lines.push('BULK9998,井盖缺失,人行道井盖缺失,外地,孙先生,13912349998,,0.5,0.5'); // row 42: outside every grid
    lines.push('BULK9999,只有地址,小区门口垃圾堆放,路南社区南门,周女士,,,,'); // row 43: address only → the staff's community
    const file = lines.join('\n');
    const events0Id = await count(`select coalesce(max(id), 0) as count from live_events`);

    const res = await upload(staff, 'bulk.csv', file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data).toEqual({
      created: 41,
      skipped: 0,
      errors: [{ row: 42, column: '经度', value: '0.5', reason: '该位置不在任何网格内，请重新选点或只填写地址' }],
    });
    expect(await count(`select count(*) from cases where external_ref = 'BULK9998'`)).toBe(0);

    const { rows } = await ctx.pool
      .query(`select id, case_no, grid_id, community_id, street_id, scope_path, due_at, reported_at, category_id, reporter_phone_enc, external_ref
      from cases where source = 'hotline' and external_ref like 'BULK%' order by external_ref`);
    expect(rows).toHaveLength(41);
    const limits = await resolveLimits(
      ctx.db,
      await categoryId(ctx, '路灯不亮'),
      rows[0].community_id,
      rows[0].street_id,
    );
    const due = dueAtFor('reported', rows[0].reported_at, limits, await loadWorkingCalendar(ctx.db));
    for (const [i, row] of rows.slice(0, 40).entries()) {
      const grid = grids[i % 2 ? 0 : 1]!;
      expect(row).toMatchObject({ grid_id: grid.id, scope_path: grid.path });
      expect(row.case_no).toMatch(new RegExp(`^GS\\d{8}${String(row.id).padStart(7, '0')}$`));
      expect(row.due_at.toISOString()).toBe(due!.toISOString());
      expect(row.reporter_phone_enc).toMatch(/^v1:/);
    }
    const addressOnly = rows[40];
    expect(addressOnly).toMatchObject({ external_ref: 'BULK9999', grid_id: null, category_id: null });
    expect(addressOnly.scope_path.split('/').filter(Boolean)).toHaveLength(3);

    const ids = rows.map((r) => r.id);
    expect(
      await count(
        `select count(*) from case_events where case_id = any($1) and action = 'report' and to_state = 'reported'`,
        [ids],
      ),
    ).toBe(41);
    // One live event per place with how many arrived there: an open inbox reloads once, not 41 times.
    const arrivals = (
      await ctx.pool.query(
        `select scope_path, (payload->>'imported')::int as n from live_events where topic = 'case.reported' and id > $1 order by scope_path`,
        [events0Id],
      )
    ).rows;
    expect(arrivals).toEqual(
      [
        { scope_path: grids[0]!.path, n: 20 },
        { scope_path: grids[1]!.path, n: 20 },
        { scope_path: addressOnly.scope_path, n: 1 },
      ].sort((x, y) => (x.scope_path < y.scope_path ? -1 : 1)),
    );
    const audit = (
      await ctx.pool.query(`select action, target_id, summary from audit_log where action = 'cases.import.hotline'`)
    ).rows;
    expect(audit).toHaveLength(1);
    expect(audit[0].summary).toMatchObject({ file: 'bulk.csv', rows: 42, created: 41, skipped: 0, rejected: 1 });

    const again = await upload(staff, 'bulk.csv', file);
    expect(again.json().data).toEqual({
      created: 0,
      skipped: 41,
      errors: [{ row: 42, column: '经度', value: '0.5', reason: '该位置不在任何网格内，请重新选点或只填写地址' }],
    });
    expect(await count(`select count(*) from cases where external_ref like 'BULK%'`)).toBe(41);
    expect(await count(`select count(*) from case_events where case_id = any($1)`, [ids])).toBe(41);
    expect(await count(`select count(*) from audit_log where action = 'cases.import.hotline'`)).toBe(1);
  });

  it('two concurrent imports of one file create each work order once', async () => {
    const p = await pointInGrid(ctx, grids[0]!.id);
    const lines = ['工单号,诉求内容,来电人,经度,纬度'];
    for (let i = 0; i < 300; i++)
      lines.push(`RACE${String(i).padStart(4, '0')},楼道堆物影响通行${i},市民${i},${p.lng},${p.lat}`);
    const file = lines.join('\n');
    const [one, two] = await Promise.all([upload(staff, 'race.csv', file), upload(staff, 'race.csv', file)]);
    expect([one.statusCode, two.statusCode]).toEqual([200, 200]);
    expect(one.json().data.created + two.json().data.created).toBe(300);
    expect(one.json().data.skipped + two.json().data.skipped).toBe(300);
    expect(await count(`select count(*) from cases where external_ref like 'RACE%'`)).toBe(300);
    expect(
      await count(
        `select count(*) from case_events e join cases c on c.id = e.case_id where c.external_ref like 'RACE%'`,
      ),
    ).toBe(300);
  });

  it('a duplicated work order inside one file is written once, and bad data leaves no trace', async () => {
    const p = await pointInGrid(ctx, grids[1]!.id);
    const file = [
      '工单号,诉求内容,来电人,来电号码,经度,纬度',
      `DUP0001,小区路面塌陷,吴先生,13912340001,${p.lng},${p.lat}`,
      `DUP0001,小区路面塌陷（重复派单）,吴先生,13912340001,${p.lng},${p.lat}`,
      `DUP0002,短,郑女士,13912340002,${p.lng},${p.lat}`,
      `DUP0003,经纬度缺一,冯先生,13912340003,${p.lng},`,
    ].join('\n');
    const res = await upload(staff, 'dup.csv', file);
    expect(res.json().data).toEqual({
      created: 1,
      skipped: 1,
      errors: [
        { row: 4, column: '诉求内容', value: '短', reason: expect.any(String) },
        { row: 5, column: '纬度', value: '', reason: '经度和纬度必须同时提供' },
      ],
    });
    expect(await count(`select count(*) from cases where external_ref like 'DUP%'`)).toBe(1);
  });
});

describe('single report', () => {
  it('writes the case with its timeline event, live event and audit row, and the grid found under its pin', async () => {
    const grid = grids[0]!;
    const p = await pointInGrid(ctx, grid.id);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: staff.headers,
      payload: {
        title: '路灯不亮',
        description: '巷口路灯坏了三天',
        source: 'hotline',
        categoryId: await categoryId(ctx, '路灯不亮'),
        lng: p.lng,
        lat: p.lat,
        reporterName: '陈女士',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id, caseNo, dueAt } = res.json().data;
    const row = (
      await ctx.pool.query(
        `select grid_id, scope_path, due_at, reported_at, community_id, street_id from cases where id = $1`,
        [id],
      )
    ).rows[0];
    expect(row).toMatchObject({ grid_id: grid.id, scope_path: grid.path });
    const limits = await resolveLimits(ctx.db, await categoryId(ctx, '路灯不亮'), row.community_id, row.street_id);
    expect(new Date(dueAt).toISOString()).toBe(
      dueAtFor('reported', row.reported_at, limits, await loadWorkingCalendar(ctx.db))!.toISOString(),
    );
    expect(await count(`select count(*) from case_events where case_id = $1 and action = 'report'`, [id])).toBe(1);
    expect(
      await count(`select count(*) from live_events where topic = 'case.reported' and payload->>'caseNo' = $1`, [
        caseNo,
      ]),
    ).toBe(1);
    const audit = (
      await ctx.pool.query(
        `select a.action, a.scope_path, a.summary, a.xid = e.xid as same_tx from audit_log a, live_events e
      where a.target_type = 'case' and a.target_id = $1 and e.payload->>'caseNo' = $2`,
        [String(id), caseNo],
      )
    ).rows;
    expect(audit).toEqual([
      { action: 'cases.report', scope_path: grid.path, summary: { caseNo, source: 'hotline' }, same_tx: true },
    ]);
  });
});
