import { once } from 'node:events';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { safeCell } from '../../../platform/spreadsheet/safe-cell.ts';

export interface ExportColumn<T> {
  header: string;
  width?: number;
  value(row: T): unknown;
}

/**
 * Deflate level of .xlsx exports. Level 1 compresses a resident sheet to about the same size as the
 * default level 6 within a few per cent (the cells are short and repetitive) at a fraction of the CPU.
 */
const XLSX_DEFLATE_LEVEL = 1;

/**
 * Whether a writable's buffer is over its high-water mark. ExcelJS's zip entries are streams of the
 * `readable-stream` 2.x package, which predates `writableNeedDrain`: reading only that property made
 * every check pass, and a million-row export then grew 300–450 MB of buffers whenever deflate fell
 * behind (bench/basedata). Their writable state carries the same flag.
 */
export function needsDrain(stream: Writable): boolean {
  return (
    stream.writableNeedDrain ??
    (stream as unknown as { _writableState?: { needDrain?: boolean } })._writableState?.needDrain ??
    false
  );
}

/**
 * Waits until `stream` wants more, or until the consumer of the export (`out`) has gone away:
 * a client that disconnects never drains, and a producer waiting forever would keep its workbook
 * and read-ahead batch alive. Returns false when the export should stop.
 */
async function roomIn(stream: Writable, out: Readable): Promise<boolean> {
  if (out.destroyed) return false;
  if (!needsDrain(stream)) return true;
  const stop = new AbortController();
  await Promise.race([
    once(stream, 'drain', { signal: stop.signal }),
    once(out, 'close', { signal: stop.signal }),
  ]).catch(() => {});
  stop.abort();
  return !out.destroyed;
}

/**
 * The zip entry stream ExcelJS (4.x) feeds a worksheet into. The worksheet's StreamBuf writes into
 * it with plain write() calls that ignore backpressure, so without this check committed rows pile up
 * as buffers in front of the compressor whenever the database is faster than deflate (hundreds of MB
 * for a million rows). Undefined until the zip starts reading the worksheet (a few KB earlier).
 */
export function zipIntake(sheet: ExcelJS.Worksheet): Writable | undefined {
  return (sheet as unknown as { stream?: { pipes?: Writable[] } }).stream?.pipes?.[0];
}

/**
 * Streams rows to .xlsx (ExcelJS streaming WorkbookWriter: inline strings, no styles, each row
 * committed and released) or .csv (with BOM so that Excel opens UTF-8 Chinese correctly). Every
 * cell goes through safeCell (formula injection). Memory stays flat for any row count: reads are
 * paced by the slowest stage (database, compressor or the HTTP socket), at most one batch ahead.
 * `onDone` receives the row count, or the error.
 */
export function tableStream<T>(
  format: 'xlsx' | 'csv',
  sheetName: string,
  columns: ExportColumn<T>[],
  batches: AsyncIterable<T[]>,
  onDone: (rows: number, error?: unknown) => void = () => {},
): Readable {
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  const values = columns.map((c) => c.value);
  const cells = (row: T) => values.map((value) => safeCell(value(row)));
  const produce = async () => {
    let rows = 0;
    if (format === 'csv') {
      const csv = stringify({ bom: true });
      csv.pipe(out);
      csv.write(columns.map((c) => c.header));
      for await (const batch of batches) {
        for (const row of batch) csv.write(cells(row));
        rows += batch.length;
        if (!(await roomIn(csv, out))) return rows;
      }
      csv.end();
      return rows;
    }
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: false,
      useSharedStrings: false,
      zip: { zlib: { level: XLSX_DEFLATE_LEVEL } },
    });
    const sheet = workbook.addWorksheet(sheetName);
    sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
    for await (const batch of batches) {
      for (const row of batch) sheet.addRow(cells(row)).commit();
      rows += batch.length;
      const intake = zipIntake(sheet);
      if (intake && !(await roomIn(intake, out))) return rows;
      if (!(await roomIn(out, out))) return rows;
    }
    sheet.commit();
    await workbook.commit();
    return rows;
  };
  produce().then(
    (rows) => onDone(rows),
    (error: unknown) => {
      onDone(-1, error);
      out.destroy(error as Error);
    },
  );
  return out;
}

export function exportFileName(base: string, format: 'xlsx' | 'csv'): string {
  const stamp = new Date().toISOString().slice(0, 10);
  return `${base}-${stamp}.${format}`;
}

/** Content-Disposition with a UTF-8 (RFC 5987) file name for Chinese names. */
export function attachmentHeader(fileName: string): string {
  return `attachment; filename="export.${fileName.split('.').pop()}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;
