import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { safeCell } from '../rules/spreadsheet-cell.ts';

export interface ExportColumn<T> { header: string; width?: number; value(row: T): unknown }

/** Waits while the consumer (the HTTP socket) is behind, so memory stays flat for any row count. */
async function drained(stream: PassThrough): Promise<void> {
  if (stream.writableNeedDrain) await once(stream, 'drain');
}

/**
 * Streams rows to .xlsx (ExcelJS streaming WorkbookWriter: each row is committed and released)
 * or .csv (with BOM so that Excel opens UTF-8 Chinese correctly). Every cell goes through
 * safeCell (formula injection). `onDone` receives the row count, or the error.
 */
export function tableStream<T>(format: 'xlsx' | 'csv', sheetName: string, columns: ExportColumn<T>[], batches: AsyncIterable<T[]>, onDone: (rows: number, error?: unknown) => void = () => {}): Readable {
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  const produce = async () => {
    let rows = 0;
    if (format === 'csv') {
      const csv = stringify({ bom: true });
      csv.pipe(out);
      csv.write(columns.map((c) => c.header));
      for await (const batch of batches) {
        for (const row of batch) if (!csv.write(columns.map((c) => safeCell(c.value(row))))) await once(csv, 'drain');
        rows += batch.length;
      }
      csv.end();
      return rows;
    }
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
    const sheet = workbook.addWorksheet(sheetName);
    sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
    for await (const batch of batches) {
      for (const row of batch) sheet.addRow(columns.map((c) => safeCell(c.value(row)))).commit();
      rows += batch.length;
      await drained(out);
    }
    sheet.commit();
    await workbook.commit();
    return rows;
  };
  produce().then((rows) => onDone(rows), (error: unknown) => { onDone(-1, error); out.destroy(error as Error); });
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

export const CONTENT_TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' } as const;
