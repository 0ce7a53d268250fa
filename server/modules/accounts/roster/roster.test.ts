import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROSTER_HEADERS } from '../../../../contracts/account-admin.ts';
import { makeIdentityNumber } from '../../../platform/demo-data/identity-number.ts';
import { createTestApp, loginAs, type Session, type TestContext } from '../../../test/test-app.ts';
import { call, rosterCsv, uploadRoster, userCount } from '../test-helpers.ts';

let ctx: TestContext;
let secretary: Session;
const id = (n: number) => makeIdentityNumber('110105', { y: 1985, m: 3, d: 12 }, n, 'female');

beforeAll(async () => {
  ctx = await createTestApp();
  secretary = await loginAs(ctx.app, 'secretary');
});
afterAll(async () => {
  await ctx.close();
});

const community = () => ctx.seed.tree.streets[0]!.communities[0]!;
/** A grid of the secretary's community that no worker is assigned to yet. */
async function emptyGrid() {
  const { rows } = await ctx.pool.query(
    `insert into org_nodes (parent_id, level, code, name, path) values ($1, 'grid', $2, '新增网格', 'x') returning id, code`,
    [community().id, `${community().code}099`],
  );
  await ctx.pool.query(`update org_nodes set path = $1 where id = $2`, [
    `${community().path}${rows[0].id}/`,
    rows[0].id,
  ]);
  return rows[0] as { id: number; code: string };
}

describe('roster import', () => {
  it('serves a template with the Chinese headers', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/accounts/roster-template',
      headers: secretary.headers,
    });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect((book.worksheets[0]!.getRow(1).values as string[]).slice(1)).toEqual([...ROSTER_HEADERS]);
  });

  const bad: [string, string[], string, string][] = [
    [
      'bad identity number',
      ['r_bad_id', '赵一', '13912340001', '110105198503120000', '网格员', '@grid', ''],
      '身份证号',
      '身份证号校验失败',
    ],
    ['bad phone', ['r_bad_phone', '赵二', '1391234', '', '网格员', '@grid', ''], '手机号', '11 位'],
    ['unknown role', ['r_bad_role', '赵三', '', '', '网格长', '@grid', ''], '角色', '无法识别'],
    ['role above the secretary', ['r_high', '赵四', '', '', '街道管理员', '@street', ''], '角色', '无权授予'],
    [
      'scope code that does not exist',
      ['r_nocode', '赵五', '', '', '网格员', '110105999999999', ''],
      '管辖范围编码',
      '不存在',
    ],
    [
      'scope outside the community',
      ['r_out', '赵六', '', '', '网格员', '@othergrid', ''],
      '管辖范围编码',
      '不在您的管辖范围内',
    ],
    [
      'level that does not fit the role',
      ['r_level', '赵七', '', '', '网格员', '@community', ''],
      '管辖范围编码',
      '网格',
    ],
  ];
  it.each(bad)('%s → 422 with a row report, nothing written', async (_name, row, column, reason) => {
    const codes: Record<string, string> = {
      '@grid': community().grids[1]!.code,
      '@street': ctx.seed.tree.streets[0]!.code,
      '@othergrid': ctx.seed.tree.streets[1]!.communities[0]!.grids[0]!.code,
      '@community': community().code,
    };
    const good = ['r_good', '钱好', '13912340009', id(1), '社区工作者', community().code, ''];
    const before = await userCount(ctx);
    const res = await uploadRoster(ctx, secretary, rosterCsv([good, row.map((c) => codes[c] ?? c)]));
    expect(res.status).toBe(422);
    expect(res.body.error.details).toContainEqual({ path: `3.${column}`, message: expect.stringContaining(reason) });
    expect(res.body.error.details.every((d: { path: string }) => d.path.startsWith('3.'))).toBe(true);
    expect(await userCount(ctx)).toBe(before);
  });

  it('reports duplicate usernames inside the file', async () => {
    const row = ['r_twice', '孙二', '', '', '社区工作者', community().code, ''];
    const res = await uploadRoster(ctx, secretary, rosterCsv([row, row]));
    expect(res.body.error.details).toEqual([{ path: '3.用户名', message: '与第 2 行用户名重复' }]);
  });

  it('creates, then re-imports idempotently, then updates what changed', async () => {
    const grid = await emptyGrid();
    const rows = [
      ['r_worker', '周网格', '13912340011', id(2), '网格员', grid.code, ''],
      ['r_staff', '吴社工', '13912340012', id(3), '社区工作者', community().code, ''],
    ];
    const before = await userCount(ctx);
    const first = await uploadRoster(ctx, secretary, rosterCsv(rows));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.data.counts).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(first.body.data.passwords.map((p: { username: string }) => p.username)).toEqual(['r_worker', 'r_staff']);
    expect(await userCount(ctx)).toBe(before + 2);

    const stored = (
      await ctx.pool.query(
        `select id, id_number_enc, id_number_hash, must_change_password from users where username = 'r_worker'`,
      )
    ).rows[0];
    expect(stored.id_number_enc).not.toContain(id(2).slice(0, 10));
    expect(stored.id_number_hash).toBeTruthy();
    expect(stored.must_change_password).toBe(true);
    const assignment = await ctx.pool.query(
      `select user_id from grid_assignments where grid_node_id = $1 and ended_at is null`,
      [grid.id],
    );
    expect(assignment.rows).toEqual([{ user_id: stored.id }]);

    const worker = await loginAs(ctx.app, 'r_worker', first.body.data.passwords[0].password);
    expect((await call(ctx, worker, 'GET', '/api/me')).body.data.restriction).toBe('password_change');

    const again = await uploadRoster(ctx, secretary, rosterCsv(rows));
    expect(again.body.data.counts).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(again.body.data.passwords).toEqual([]);
    expect(await userCount(ctx)).toBe(before + 2);

    rows[1]![2] = '13912340099';
    const changed = await uploadRoster(ctx, secretary, rosterCsv(rows));
    expect(changed.body.data.rows.map((r: { outcome: string }) => r.outcome)).toEqual(['unchanged', 'updated']);
    expect((await ctx.pool.query(`select phone from users where username = 'r_staff'`)).rows[0].phone).toBe(
      '13912340099',
    );
  });

  it('renders the one-time passwords as a sheet without keeping them', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/accounts/roster/passwords.xlsx',
      headers: secretary.headers,
      payload: { rows: [{ username: 'a', displayName: '甲', password: 'Pw12345678ab' }] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
