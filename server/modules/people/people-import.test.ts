import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { runDueJobs } from '../../platform/jobs/queue.ts';
import { jobHandlers } from '../index.ts';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { countRows, csvOf, houseCodesUnder, person, upload, xlsxOf } from './testing/fixtures.ts';

let ctx: TestContext;
let secretary: Session;
let own: { id: number; code: string }[];
let foreign: { id: number; code: string }[];

beforeAll(async () => {
  ctx = await createTestApp();
  secretary = await loginAs(ctx.app, 'secretary');
  const [c1, c2] = ctx.seed.tree.streets[0]!.communities;
  own = await houseCodesUnder(ctx.db, c1!.path);
  foreign = await houseCodesUnder(ctx.db, c2!.path);
});
afterAll(async () => {
  await ctx.close();
});

const HEADER = ['姓名', '身份证号', '性别', '联系电话', '房屋编码', '人口类型', '关怀标签'];

async function importFile(fileName: string, content: Buffer, kind = 'residents', mapping?: Record<string, string>) {
  const up = await upload(ctx.app, secretary, kind, fileName, content);
  expect(up.statusCode, up.body).toBe(201);
  const created = up.json().data;
  const start = await ctx.app.inject({
    method: 'POST',
    url: `/api/people/imports/${created.id}/start`,
    headers: secretary.headers,
    payload: { mapping: mapping ?? created.mapping },
  });
  expect(start.statusCode, start.body).toBe(200);
  await runDueJobs(ctx.db, jobHandlers(ctx.deps));
  return (
    await ctx.app.inject({ method: 'GET', url: `/api/people/imports/${created.id}`, headers: secretary.headers })
  ).json().data;
}

describe('POST /api/people/imports (residents, mixed rows)', () => {
  const good = [person(1, 'male'), person(2, 'female'), person(3, 'male')];
  const badCheck = person(4).slice(0, 17) + (person(4)[17] === '1' ? '2' : '1');
  const rows = () => [
    HEADER,
    ['王芳', good[1]!, '女', '13912345678', own[0]!.code, '户籍', '独居老人'],
    ['李强', good[0]!, '', '', own[0]!.code, '流动', ''],
    ['张伟', badCheck, '', '', own[1]!.code, '户籍', ''],
    ['赵敏', person(5, 'female'), '男', '', own[1]!.code, '户籍', ''],
    ['钱进', person(6), '', '1234', own[1]!.code, '户籍', ''],
    ['孙丽', person(7), '', '', foreign[0]!.code, '户籍', ''],
    ['周杰', person(8), '', '', own[2]!.code, '户籍', '贵宾'],
    ['', person(9), '', '', own[2]!.code, '常住', ''],
    ['=HYPERLINK("x")', good[2]!, '', '13800001111', own[2]!.code, '户籍', '高龄、低保'],
  ];

  it('writes the valid rows, reports each invalid cell exactly, and changes nothing on re-import', async () => {
    const result = await importFile('居民.csv', csvOf(rows()));
    expect(result).toMatchObject({ state: 'done', okRows: 3, errorRows: 6, checkpointRow: 10 });
    const report = await ctx.app.inject({
      method: 'GET',
      url: `/api/people/imports/${result.id}/errors?format=csv`,
      headers: secretary.headers,
    });
    expect(
      report.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n'),
    ).toEqual([
      '行号,列,值,原因',
      `4,身份证号,${badCheck},身份证号校验失败（地区码、出生日期或校验码错误）`,
      '5,性别,男,与身份证号不符（应为女）',
      '6,联系电话,1234,手机号应为11位，以13–19开头',
      `7,房屋编码,${foreign[0]!.code},房屋不存在或不在您的管辖范围内`,
      '8,关怀标签,贵宾,未登记的标签：贵宾',
      '9,人口类型,常住,应为 户籍、流动 或 境外',
      '9,姓名,,必填',
    ]);
    expect(await countRows(ctx.db, 'people_residents')).toBe(3);
    const stamp = async () =>
      (await ctx.db.execute<{ t: string }>(sql`select max(updated_at)::text as t from people_residents`)).rows[0]!.t;
    const before = await stamp();
    const again = await importFile('居民.csv', csvOf(rows()));
    expect(again).toMatchObject({ state: 'done', okRows: 3, errorRows: 6 });
    expect(await countRows(ctx.db, 'people_residents')).toBe(3);
    expect(await countRows(ctx.db, 'people_residence_history')).toBe(3);
    expect(await stamp()).toBe(before);
  });

  it('reads .xlsx with other headers and remembers a mapping chosen by hand', async () => {
    const content = await xlsxOf([
      ['居民姓名', '证件号', '房屋编号', '居住类型'],
      ['吴静', person(20, 'female'), own[3]!.code, '户籍'],
      ['郑浩', person(21, 'male'), own[3]!.code, '流动'],
    ]);
    const first = await upload(ctx.app, secretary, 'residents', '台账.xlsx', content);
    expect(first.json().data.mapping).toEqual({ 居民姓名: 'name', 房屋编号: 'houseCode', 居住类型: 'residenceType' });
    const result = await importFile('台账.xlsx', content, 'residents', {
      居民姓名: 'name',
      证件号: 'idNumber',
      房屋编号: 'houseCode',
      居住类型: 'residenceType',
    });
    expect(result).toMatchObject({ state: 'done', okRows: 2, errorRows: 0 });
    const next = await upload(ctx.app, secretary, 'residents', '台账2.xlsx', content);
    expect(next.json().data.mapping).toMatchObject({ 证件号: 'idNumber' });
  });

  it('refuses a mapping without a required column (422 with the missing field)', async () => {
    const up = await upload(
      ctx.app,
      secretary,
      'residents',
      'a.csv',
      csvOf([
        ['姓名', '身份证号'],
        ['王五', person(30)],
      ]),
    );
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/people/imports/${up.json().data.id}/start`,
      headers: secretary.headers,
      payload: { mapping: up.json().data.mapping },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.map((d: { message: string }) => d.message)).toEqual([
      '缺少必填列：房屋编码',
      '缺少必填列：人口类型',
    ]);
  });

  it('moves a resident when a later import puts them in another house, keeping the history', async () => {
    const id = person(40);
    await importFile('m1.csv', csvOf([HEADER, ['冯军', id, '', '', own[5]!.code, '户籍', '']]));
    await importFile('m2.csv', csvOf([HEADER, ['冯军', id, '', '', own[6]!.code, '户籍', '']]));
    const list = (
      await ctx.app.inject({ method: 'GET', url: '/api/people/residents?q=冯军', headers: secretary.headers })
    ).json();
    const detail = (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/people/residents/${list.data[0].id}`,
        headers: secretary.headers,
      })
    ).json().data;
    expect(detail.history.map((h: { houseId: number; toOn: string | null }) => [h.houseId, h.toOn === null])).toEqual([
      [own[5]!.id, false],
      [own[6]!.id, true],
    ]);
  });
});

describe('imports of entities and components', () => {
  it('checks credit codes and locates components in grids of the scope', async () => {
    const grid = ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!;
    const entities = await importFile(
      '单位.csv',
      csvOf([
        ['统一社会信用代码', '单位名称', '单位类型', '网格编码', '从业人数'],
        ['914403001922038216', '示例科技有限公司', '企业', grid.code, '12'],
        ['914403001922038217', '错误代码公司', '企业', grid.code, '3'],
      ]),
      'entities',
    );
    expect(entities).toMatchObject({ okRows: 1, errorRows: 1 });
    const [building] = (
      await ctx.db.execute<{ lng: number; lat: number }>(
        sql`select lng, lat from org_nodes where id = ${grid.buildingIds[0]!}`,
      )
    ).rows;
    const district = ctx.seed.tree.district.code.slice(0, 6);
    const components = await importFile(
      '部件.csv',
      csvOf([
        ['部件编码', '经度', '纬度', '部件状态'],
        [`${district}0101000001`, String(building!.lng), String(building!.lat), '完好'],
        [`${district}0101000002`, '0', '0', '破损'],
        [`${district}9901000003`, String(building!.lng), String(building!.lat), '完好'],
      ]),
      'components',
    );
    expect(components).toMatchObject({ okRows: 1, errorRows: 2 });
    const d = 0.001;
    const geo = await ctx.app.inject({
      method: 'GET',
      url: `/api/people/components/geojson?bbox=${building!.lng - d},${building!.lat - d},${building!.lng + d},${building!.lat + d}`,
      headers: secretary.headers,
    });
    expect(geo.json().features.map((f: { properties: { name: string } }) => f.properties.name)).toEqual(['上水井盖']);
  });
});
