import { Readable } from 'node:stream';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { reportCaseBody } from '../../../../contracts/cases.ts';
import type { AppDeps } from '../../../app-deps.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { AppError } from '../../../platform/errors.ts';
import { readRows, type SourceFormat } from '../../../platform/spreadsheet/read-rows.ts';
import { caseCategories, cases } from '../schema.ts';
import { reportCase } from './report-case.ts';

/** Column headers as 12345 hotline exports name them (first match wins). */
const COLUMNS = {
  ticket: ['工单号', '工单编号', '热线工单号', '受理编号'],
  title: ['标题', '诉求标题', '工单标题'],
  description: ['诉求内容', '问题描述', '内容', '来电内容'],
  address: ['事发地址', '诉求地址', '地址'],
  name: ['来电人', '联系人', '姓名'],
  phone: ['来电号码', '联系电话', '电话'],
  category: ['诉求类别', '类别', '案件类别'],
  lng: ['经度'], lat: ['纬度'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['ticket', 'description'];
export const MAX_HOTLINE_ROWS = 2000;

export interface RowError { row: number; column: string; value: string; reason: string }

/**
 * Registers a hotline export (CSV or Excel) as cases with source "hotline", row by row: each
 * row becomes a case through reportCase (the same checks as a case typed in by staff) or an
 * error line naming the row, the column and the reason. Work orders already imported (same
 * 工单号) are skipped, so importing the same file twice changes nothing.
 */
export async function importHotline(deps: AppDeps, actor: Actor, file: string | Readable, format: SourceFormat, communityId: number | undefined) {
  let header: string[] | null = null;
  let index = {} as Record<Column, number>;
  const result = { created: 0, skipped: 0, errors: [] as RowError[] };
  const categories = new Map((await deps.db.select({ id: caseCategories.id, name: caseCategories.name }).from(caseCategories).where(isNotNull(caseCategories.parentId))).map((c) => [c.name, c.id]));
  for await (const { rowNo, cells } of readRows(file, format)) {
    if (!header) {
      header = cells;
      index = Object.fromEntries(Object.entries(COLUMNS).map(([key, names]) => [key, cells.findIndex((c) => (names as readonly string[]).includes(c))])) as Record<Column, number>;
      const missing = REQUIRED.filter((c) => index[c] < 0);
      if (index.address < 0 && (index.lng < 0 || index.lat < 0)) missing.push('address');
      if (missing.length) throw new AppError('VALIDATION_FAILED', { message: `缺少必需的列：${missing.map((c) => COLUMNS[c][0]).join('、')}`, details: missing.map((c) => ({ path: 'file', message: `缺少"${COLUMNS[c][0]}"列` })) });
      continue;
    }
    if (rowNo - 1 > MAX_HOTLINE_ROWS) throw new AppError('VALIDATION_FAILED', { message: `单次最多导入 ${MAX_HOTLINE_ROWS} 条工单`, details: [{ path: 'file', message: '行数过多' }] });
    const cell = (c: Column) => (index[c] >= 0 ? (cells[index[c]] ?? '').trim() : '');
    const fail = (column: Column, reason: string) => result.errors.push({ row: rowNo, column: header![index[column]] ?? COLUMNS[column][0], value: cell(column), reason });
    const ticket = cell('ticket');
    if (!ticket) { fail('ticket', '必填'); continue; }
    const [done] = await deps.db.select({ id: cases.id }).from(cases).where(and(eq(cases.source, 'hotline'), inArray(cases.externalRef, [ticket])));
    if (done) { result.skipped++; continue; }
    const categoryName = cell('category');
    const categoryId = categoryName ? categories.get(categoryName) : undefined;
    if (categoryName && !categoryId) { fail('category', '未知的案件类别'); continue; }
    const description = cell('description');
    const lng = cell('lng') ? Number(cell('lng')) : undefined;
    const lat = cell('lat') ? Number(cell('lat')) : undefined;
    const parsed = reportCaseBody.safeParse({
      title: cell('title') || description.slice(0, 30), description, source: 'hotline', categoryId, lng, lat,
      address: cell('address') || undefined, communityId, reporterName: cell('name') || '12345热线来电', reporterPhone: cell('phone').replace(/[\s-]/g, '') || undefined, photoIds: [],
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) fail(columnOf(String(issue.path[0])), issue.message);
      continue;
    }
    try {
      await reportCase(deps, actor, parsed.data, { externalRef: ticket, importedFrom: 'hotline' });
      result.created++;
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
      for (const d of error.details ?? []) fail(columnOf(d.path), d.message);
    }
  }
  if (!header) throw new AppError('VALIDATION_FAILED', { message: '文件为空', details: [{ path: 'file', message: '文件为空' }] });
  return result;
}

function columnOf(field: string): Column {
  const map: Record<string, Column> = { title: 'title', description: 'description', address: 'address', reporterName: 'name', reporterPhone: 'phone', categoryId: 'category', lng: 'lng', lat: 'lat' };
  return map[field] ?? 'description';
}
