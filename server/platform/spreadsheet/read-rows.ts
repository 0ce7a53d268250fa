import fs from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

export type SourceFormat = 'xlsx' | 'csv';
/** One data row: its number in the sheet (the header is row 1) and its cells as text. */
export interface SourceRow {
  rowNo: number;
  cells: string[];
}

/** Cell values as a worker sees them: numbers without exponent, dates as YYYY-MM-DD, rich text flattened. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value).toString() : String(value);
  if (typeof value === 'object') {
    const v = value as { text?: unknown; richText?: { text: string }[]; result?: unknown };
    if (v.richText)
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if (v.text !== undefined) return String(v.text).trim();
    if (v.result !== undefined) return cellText(v.result);
  }
  return String(value).trim();
}

/** Counts bytes read, so that progress can be shown without a first pass over the file. */
function byteCounter(onBytes: (n: number) => void): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      onBytes(seen);
      done(null, chunk);
    },
  });
}

/**
 * Streams the first worksheet (xlsx) or the records (csv) with constant memory:
 * ExcelJS's streaming WorkbookReader, csv-parse. Row 1 is the header row. `file` is a path or a
 * stream (a file in the shared store, an upload held in memory).
 */
export async function* readRows(
  file: string | Readable,
  format: SourceFormat,
  onBytes: (n: number) => void = () => {},
): AsyncGenerator<SourceRow> {
  const input = (typeof file === 'string' ? fs.createReadStream(file) : file).pipe(byteCounter(onBytes));
  if (format === 'csv') {
    let rowNo = 0;
    for await (const record of input.pipe(
      parse({ bom: true, relax_column_count: true, skip_empty_lines: true }),
    ) as AsyncIterable<string[]>) {
      rowNo++;
      yield { rowNo, cells: record.map((c) => c.trim()) };
    }
    return;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
  });
  for await (const sheet of reader) {
    for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
      const values = (row.values as unknown[]).slice(1);
      if (values.every((v) => v === null || v === undefined || v === '')) continue;
      yield { rowNo: row.number, cells: Array.from(values, (v) => cellText(v)) };
    }
    return; // only the first worksheet
  }
}

/** The header row, for the mapping step. */
export async function readHeaders(file: string | Readable, format: SourceFormat): Promise<string[]> {
  for await (const row of readRows(file, format)) {
    if (typeof file !== 'string') file.destroy(); // the rest of the file is not needed
    return row.cells;
  }
  return [];
}
