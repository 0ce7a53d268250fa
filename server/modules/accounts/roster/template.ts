import ExcelJS from 'exceljs';
import { ROSTER_HEADERS } from '../../../../contracts/account-admin.ts';
import { ROLE_LABELS, type Role } from '../../../../contracts/roles.ts';

/** The roster template: Chinese headers, one example row, and the roles the downloader may grant. */
export async function rosterTemplate(grantable: Role[], example: { gridCode: string | null }): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('花名册');
  sheet.columns = ROSTER_HEADERS.map((h) => ({
    header: h,
    key: h,
    width: h === '身份证号' || h === '管辖范围编码' ? 22 : 14,
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  const help = book.addWorksheet('填写说明');
  help.columns = [
    { header: '列', key: 'c', width: 16 },
    { header: '说明', key: 'd', width: 80 },
  ];
  help.addRows([
    ['用户名', '登录名，3–32 位字母、数字、下划线、点或连字符；已存在的用户名将按本表更新'],
    ['姓名', '必填'],
    ['手机号', '11 位大陆手机号（可空）'],
    ['身份证号', '18 位居民身份证号（可空），加密保存'],
    ['角色', `可填写：${grantable.map((r) => ROLE_LABELS[r]).join('、')}`],
    ['管辖范围编码', '治理节点编码：网格 15 位、社区 12 位、街道 9 位等；须与角色层级相符'],
    ['部门编码', '仅“职能部门处置人员”填写，部门须服务于该街道'],
    ['注意', '任一行有误时整表不导入；新账号的一次性密码仅在导入后显示一次'],
  ]);
  // The example lives here, not on the data sheet: a template imported as downloaded creates nothing.
  if (example.gridCode && grantable.includes('grid_worker')) {
    help.addRow([]);
    help.addRow([
      '示例（勿填入“花名册”页）',
      ['zhangsan', '张三', '13800138000', '11010519491231002X', ROLE_LABELS.grid_worker, example.gridCode].join('  '),
    ]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The one-time passwords just issued, as a sheet to print and hand out (built on request, never stored). */
export async function passwordSheet(
  rows: { username: string; displayName: string; password: string }[],
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('一次性密码');
  sheet.columns = [
    { header: '用户名', key: 'username', width: 18 },
    { header: '姓名', key: 'displayName', width: 14 },
    { header: '一次性密码', key: 'password', width: 18 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}
