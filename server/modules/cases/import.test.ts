import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';

let ctx: TestContext;
let staff: Session;
beforeAll(async () => {
  ctx = await createTestApp();
  staff = await loginAs(ctx.app, 'staff');
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

const FILE = [
  '工单号,诉求标题,诉求内容,事发地址,来电人,来电号码,诉求类别',
  'RX20261122001,楼上噪音,每晚十一点后装修噪音,路南社区3幢,张女士,13912340001,噪音扰民',
  'RX20261122002,,路灯坏了三天,路南社区巷口,李先生,13912340002,路灯不亮',
  'RX20261122003,乱停车,车辆堵住消防通道,路南社区南门,王先生,12345,机动车乱停放',
  'RX20261122004,其他,说明太短的工单,路南社区,赵先生,13912340004,不存在的类别',
  ',缺工单号,没有工单号的一行,路南社区,钱先生,13912340005,',
].join('\n');

describe('POST /api/cases/import', () => {
  it('registers the good rows as hotline cases, reports each bad cell, and skips them all on re-import', async () => {
    const res = await upload(staff, 'hotline.csv', FILE);
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toEqual({
      created: 2,
      skipped: 0,
      errors: [
        { row: 4, column: '来电号码', value: '12345', reason: '手机号格式不正确' },
        { row: 5, column: '诉求类别', value: '不存在的类别', reason: '未知的案件类别' },
        { row: 6, column: '工单号', value: '', reason: '必填' },
      ],
    });
    const { rows } = await ctx.pool.query(`select source, external_ref, reporter_name, state from cases order by id`);
    expect(rows).toEqual([
      { source: 'hotline', external_ref: 'RX20261122001', reporter_name: '张女士', state: 'reported' },
      { source: 'hotline', external_ref: 'RX20261122002', reporter_name: '李先生', state: 'reported' },
    ]);
    const again = await upload(staff, 'hotline.csv', FILE);
    expect(again.json().data).toMatchObject({ created: 0, skipped: 2 });
    expect(Number((await ctx.pool.query('select count(*) from cases')).rows[0].count)).toBe(2);
  });

  it('refuses a file without the columns it needs, and residents', async () => {
    const bad = await upload(staff, 'x.csv', '姓名,电话\n张三,13900000000');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toBe('缺少必需的列：工单号、诉求内容、事发地址');
    const resident = await loginAs(ctx.app, 'resident');
    expect((await upload(resident, 'hotline.csv', FILE)).statusCode).toBe(403);
  });
});
