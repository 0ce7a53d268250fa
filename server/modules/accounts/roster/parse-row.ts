import { MOBILE_RE, ROSTER_HEADERS, type RosterRowIssue } from '../../../../contracts/account-admin.ts';
import { ROLE_LABELS, ROLES, type Role } from '../../../../contracts/roles.ts';
import { identityProblem } from '../../people/index.ts';

/** One roster line as typed, normalised; `issues` lists what is wrong with its cells on their own. */
export interface RosterLine {
  rowNo: number;
  username: string;
  displayName: string;
  phone: string | null;
  idNumber: string | null;
  role: Role | null;
  scopeCode: string;
  departmentCode: string | null;
}

const ROLE_BY_LABEL = new Map<string, Role>([
  ...ROLES.map((r) => [ROLE_LABELS[r], r] as const),
  ...ROLES.map((r) => [r, r] as const),
]);
const COLUMN = Object.fromEntries(ROSTER_HEADERS.map((h) => [h, h])) as Record<(typeof ROSTER_HEADERS)[number], string>;

/** Maps header names to column indexes; missing required headers are reported against row 1. */
export function headerIndex(headers: string[]): { index: Map<string, number>; issues: RosterRowIssue[] } {
  const index = new Map(headers.map((h, i) => [h.trim(), i] as const));
  const issues = ROSTER_HEADERS.filter((h) => h !== '部门编码' && !index.has(h)).map((h) => ({
    rowNo: 1,
    column: h,
    message: `缺少“${h}”列，请使用花名册模板`,
  }));
  return { index, issues };
}

/** Checks the cells of one line that need nothing from the database. */
export function parseRosterLine(
  rowNo: number,
  cells: string[],
  index: Map<string, number>,
): { line: RosterLine; issues: RosterRowIssue[] } {
  const cell = (h: string) => (index.has(h) ? (cells[index.get(h)!] ?? '').trim() : '');
  const issues: RosterRowIssue[] = [];
  const bad = (column: string, message: string) => issues.push({ rowNo, column, message });
  const username = cell(COLUMN.用户名);
  if (!username) bad('用户名', '必填');
  else if (!/^[A-Za-z0-9_.-]{3,32}$/.test(username)) bad('用户名', '应为 3–32 位字母、数字、下划线、点或连字符');
  const displayName = cell(COLUMN.姓名);
  if (!displayName) bad('姓名', '必填');
  else if (displayName.length > 40) bad('姓名', '不能超过 40 个字');
  const phone = cell(COLUMN.手机号) || null;
  if (phone && !MOBILE_RE.test(phone)) bad('手机号', '手机号应为 11 位大陆手机号，以 13–19 开头');
  const idNumber = cell(COLUMN.身份证号).toUpperCase() || null;
  const idProblem = idNumber ? identityProblem(idNumber) : null;
  if (idProblem) bad('身份证号', idProblem);
  const roleText = cell(COLUMN.角色);
  const role = ROLE_BY_LABEL.get(roleText) ?? null;
  if (!roleText) bad('角色', '必填');
  else if (!role) bad('角色', `无法识别的角色“${roleText}”，请填写如“网格员”“社区工作者”`);
  const scopeCode = cell(COLUMN.管辖范围编码);
  if (!scopeCode) bad('管辖范围编码', '必填');
  else if (!/^\d+$/.test(scopeCode)) bad('管辖范围编码', '编码只能由数字组成');
  const departmentCode = cell('部门编码') || null;
  return { line: { rowNo, username, displayName, phone, idNumber, role, scopeCode, departmentCode }, issues };
}
