import type { Readable } from 'node:stream';
import { setImmediate } from 'node:timers/promises';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { reportCaseBody } from '../../../../contracts/cases.ts';
import type { AppDeps } from '../../../app-deps.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { loadWorkingCalendar } from '../../../platform/calendar/load.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { readRows, type SourceFormat } from '../../../platform/spreadsheet/read-rows.ts';
import { dueAtFor } from '../deadline-steps.ts';
import { loadLimitResolver } from '../limits.ts';
import { caseCategories, cases } from '../schema.ts';
import { levelsOfPath } from '../tree.ts';
import { insertReportedCases, type ReadyCase } from './insert-reported-cases.ts';
import { fieldCipher, intakeCommunity, mayReportAs } from './report-case.ts';

/** Column headers as 12345 hotline exports name them (first match wins). */
const COLUMNS = {
  ticket: ['工单号', '工单编号', '热线工单号', '受理编号'],
  title: ['标题', '诉求标题', '工单标题'],
  description: ['诉求内容', '问题描述', '内容', '来电内容'],
  address: ['事发地址', '诉求地址', '地址'],
  name: ['来电人', '联系人', '姓名'],
  phone: ['来电号码', '联系电话', '电话'],
  category: ['诉求类别', '类别', '案件类别'],
  lng: ['经度'],
  lat: ['纬度'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['ticket', 'description'];
/** A day's 12345 hand-over for a district fits in one file; larger migrations are split into files. */
export const MAX_HOTLINE_ROWS = 50_000;

export interface RowError {
  row: number;
  column: string;
  value: string;
  reason: string;
}
/** The uploaded file: read from memory (or a path, for the command line), never kept on an instance's disk. */
export interface ImportFile {
  source: string | Readable;
  format: SourceFormat;
  name: string;
  sha256: string;
}

interface Candidate {
  rowNo: number;
  ticket: string;
  data: ReturnType<typeof reportCaseBody.parse>;
}

/**
 * Registers a hotline export (CSV or Excel) as cases with source "hotline", set-based: every row
 * is read and checked in memory (the same contract as a case typed in by staff), all points are
 * located against one snapshot of the grid index, limits and deadlines come from the categories
 * and overrides read once, and the good rows are written by one INSERT … SELECT with their
 * timeline and live events, plus ONE audit row for the file — all in one transaction. A bad row
 * is an error line naming the row, the column and the reason, and nothing of it is written. Work
 * orders already imported (same 工单号, also earlier in the same file) are skipped, so importing
 * the same file twice creates nothing.
 */
export async function importHotline(deps: AppDeps, actor: Actor, file: ImportFile, communityId: number | undefined) {
  if (!mayReportAs(actor, 'hotline')) throw new AppError('FORBIDDEN', { message: '只有社区工作人员可以导入热线工单' });
  const { header, index, candidates, errors, total } = await readCandidates(deps, file);
  const result = { created: 0, skipped: 0, errors };
  const fail = (rowNo: number, column: Column, value: string, reason: string) =>
    errors.push({ row: rowNo, column: header[index[column]] ?? COLUMNS[column][0], value, reason });

  // Tickets already registered: one index probe for the whole file.
  const tickets = [...new Set(candidates.map((c) => c.ticket))];
  const existing = new Set(
    (
      await deps.db
        .select({ ref: cases.externalRef })
        .from(cases)
        .where(and(eq(cases.source, 'hotline'), sql`${cases.externalRef} = any(${sql.param(tickets)}::text[])`))
    ).map((f) => f.ref!),
  );
  const seen = new Set<string>();
  const fresh = candidates.filter((c) => {
    if (existing.has(c.ticket) || seen.has(c.ticket)) {
      result.skipped++;
      return false;
    }
    seen.add(c.ticket);
    return true;
  });

  // Where each case lies: the grid under its point (one pass over the in-memory index), else the intake community.
  const located = await deps.gridLookup.locateMany(
    fresh.map((c) => ({ lng: c.data.lng ?? NaN, lat: c.data.lat ?? NaN })),
  );
  let intake: Awaited<ReturnType<typeof intakeCommunity>> | undefined;
  const cipher = fieldCipher(deps.config.dataKey);
  const now = new Date();
  const limitsOf = await loadLimitResolver(
    deps.db,
    fresh.flatMap((c) => (c.data.categoryId ? [c.data.categoryId] : [])),
  );
  const calendar = await loadWorkingCalendar(deps.db);
  const dueByMinutes = new Map<number | null, Date | null>();
  const ready: ReadyCase[] = [];
  for (let i = 0; i < fresh.length; i++) {
    // Encrypting and placing ~30 µs a row: let other requests in between while a big file is prepared.
    if (i % 2000 === 1999) await setImmediate();
    const { rowNo, ticket, data } = fresh[i]!;
    let scopePath: string;
    if (data.lng !== undefined && data.lat !== undefined) {
      const path = located[i]?.path;
      if (!path) {
        fail(rowNo, 'lng', String(data.lng), '该位置不在任何网格内，请重新选点或只填写地址');
        continue;
      }
      scopePath = path;
    } else {
      intake ??= await intakeCommunity(deps.db, actor, communityId);
      if ('error' in intake) {
        fail(rowNo, 'address', data.address ?? '', intake.error);
        continue;
      }
      scopePath = intake.path;
    }
    const levels = levelsOfPath(scopePath);
    const limits = limitsOf(data.categoryId ?? null, levels.communityId!, levels.streetId!);
    if (!dueByMinutes.has(limits.acceptMinutes))
      dueByMinutes.set(limits.acceptMinutes, dueAtFor('reported', now, limits, calendar));
    ready.push({
      title: data.title,
      description: data.description,
      categoryId: data.categoryId ?? null,
      reporterName: data.reporterName ?? null,
      reporterPhoneEnc: data.reporterPhone ? cipher.encrypt(data.reporterPhone) : null,
      lng: data.lng ?? null,
      lat: data.lat ?? null,
      address: data.address ?? null,
      externalRef: ticket,
      gridId: data.lng !== undefined ? levels.gridId : null,
      communityId: levels.communityId!,
      streetId: levels.streetId!,
      scopePath,
      dueAt: dueByMinutes.get(limits.acceptMinutes) ?? null,
    });
  }

  result.created = await withTx(deps.db, async (tx) => {
    const created = await insertReportedCases(tx, actor, 'hotline', ready, now);
    // Rows that another import registered while this one was being checked count as skipped.
    result.skipped += ready.length - created;
    if (created) {
      await recordAudit(tx, actor, {
        action: 'cases.import.hotline',
        targetType: 'case_import',
        targetId: file.sha256,
        scopePath: actor.scopePath,
        summary: {
          file: file.name,
          rows: total,
          created,
          skipped: result.skipped,
          rejected: new Set(errors.map((e) => e.row)).size,
        },
      });
    }
    return created;
  });
  errors.sort((a, b) => a.row - b.row);
  return result;
}

/** Reads the file and checks every row against the report contract; nothing touches the database but the category list. */
async function readCandidates(deps: AppDeps, file: ImportFile) {
  let header: string[] | null = null;
  let index = {} as Record<Column, number>;
  const errors: RowError[] = [];
  const candidates: Candidate[] = [];
  let total = 0;
  let categories: Map<string, { id: number; active: boolean }> | null = null;
  for await (const { rowNo, cells } of readRows(file.source, file.format)) {
    if (!header) {
      header = cells;
      index = Object.fromEntries(
        Object.entries(COLUMNS).map(([key, names]) => [
          key,
          cells.findIndex((c) => (names as readonly string[]).includes(c)),
        ]),
      ) as Record<Column, number>;
      const missing = REQUIRED.filter((c) => index[c] < 0);
      if (index.address < 0 && (index.lng < 0 || index.lat < 0)) missing.push('address');
      if (missing.length)
        throw new AppError('VALIDATION_FAILED', {
          message: `缺少必需的列：${missing.map((c) => COLUMNS[c][0]).join('、')}`,
          details: missing.map((c) => ({ path: 'file', message: `缺少"${COLUMNS[c][0]}"列` })),
        });
      continue;
    }
    if (rowNo - 1 > MAX_HOTLINE_ROWS)
      throw new AppError('VALIDATION_FAILED', {
        message: `单次最多导入 ${MAX_HOTLINE_ROWS} 条工单`,
        details: [{ path: 'file', message: '行数过多' }],
      });
    total++;
    const h = header;
    const cell = (c: Column) => (index[c] >= 0 ? (cells[index[c]] ?? '').trim() : '');
    const fail = (column: Column, reason: string) =>
      errors.push({ row: rowNo, column: h[index[column]] ?? COLUMNS[column][0], value: cell(column), reason });
    const ticket = cell('ticket');
    if (!ticket) {
      fail('ticket', '必填');
      continue;
    }
    const categoryName = cell('category');
    let categoryId: number | undefined;
    if (categoryName) {
      categories ??= await categoryIndex();
      const category = categories.get(categoryName);
      if (!category) {
        fail('category', '未知的案件类别');
        continue;
      }
      if (!category.active) {
        fail('category', '案件类别不存在');
        continue;
      }
      categoryId = category.id;
    }
    const description = cell('description');
    const lng = cell('lng') ? Number(cell('lng')) : undefined;
    const lat = cell('lat') ? Number(cell('lat')) : undefined;
    const parsed = reportCaseBody.safeParse({
      title: cell('title') || description.slice(0, 30),
      description,
      source: 'hotline',
      categoryId,
      lng,
      lat,
      address: cell('address') || undefined,
      reporterName: cell('name') || '12345热线来电',
      reporterPhone: cell('phone').replace(/[\s-]/g, '') || undefined,
      photoIds: [],
    });
    if (!parsed.success) {
      const columns = new Set<Column>();
      for (const issue of parsed.error.issues) {
        const column = columnOf(String(issue.path[0]));
        // A title taken from the description fails with it: name the description only.
        if (column === 'title' && !cell('title')) continue;
        if (!columns.has(column)) fail(column, issue.message); // one reason per cell
        columns.add(column);
      }
      continue;
    }
    candidates.push({ rowNo, ticket, data: parsed.data });
  }
  if (!header)
    throw new AppError('VALIDATION_FAILED', { message: '文件为空', details: [{ path: 'file', message: '文件为空' }] });
  return { header, index, candidates, errors, total };

  async function categoryIndex() {
    return new Map(
      (
        await deps.db
          .select({ id: caseCategories.id, name: caseCategories.name, active: caseCategories.active })
          .from(caseCategories)
          .where(isNotNull(caseCategories.parentId))
      ).map((c) => [c.name, c]),
    );
  }
}

function columnOf(field: string): Column {
  const map: Record<string, Column> = {
    title: 'title',
    description: 'description',
    address: 'address',
    reporterName: 'name',
    reporterPhone: 'phone',
    categoryId: 'category',
    lng: 'lng',
    lat: 'lat',
  };
  return map[field] ?? 'description';
}
