import { PassThrough } from 'node:stream';
import { setImmediate } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { needsDrain, tableStream, zipIntake } from './table-stream.ts';

describe('xlsx export backpressure', () => {
  it('sees when the zip entry ExcelJS writes a sheet into is full, so the export waits for deflate instead of piling up rows', async () => {
    const out = new PassThrough(); // a download nobody reads: everything upstream must fill and say so
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
    const sheet = workbook.addWorksheet('实有人口');
    let rows = 0;
    let full = false;
    while (!full && rows < 500_000) {
      for (let i = 0; i < 500; i++, rows++)
        sheet.addRow([`居民${rows}`, '苏州市姑苏区某街道某社区某小区1幢1单元101室']).commit();
      await setImmediate();
      const intake = zipIntake(sheet);
      full = intake !== undefined && needsDrain(intake);
    }
    out.destroy();
    expect(full).toBe(true);
    expect(rows).toBeLessThan(100_000);
  });
});

describe('formula injection in exports', () => {
  const payload = '=HYPERLINK("http://x","y")';
  const columns = [
    { header: '姓名', value: (r: { name: string; n: number }) => r.name },
    { header: '数量', value: (r: { name: string; n: number }) => r.n },
  ];
  async function* batches() {
    yield [
      { name: payload, n: -5 },
      { name: '@SUM(A1)', n: 3 },
      { name: '王芳', n: 0 },
    ];
  }
  const collect = async (stream: NodeJS.ReadableStream) => {
    const parts: Buffer[] = [];
    for await (const p of stream) parts.push(p as Buffer);
    return Buffer.concat(parts);
  };

  it('writes formula-looking text with a leading apostrophe to csv, and numbers as numbers', async () => {
    const { parse } = await import('csv-parse/sync');
    const rows = parse(await collect(tableStream('csv', 'x', columns, batches())), { bom: true }) as string[][];
    expect(rows).toEqual([
      ['姓名', '数量'],
      [`'${payload}`, '-5'],
      ["'@SUM(A1)", '3'],
      ['王芳', '0'],
    ]);
  });

  it('stores them as text cells in xlsx, and a negative number as a number', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await collect(tableStream('xlsx', '表', columns, batches()))) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('A2').value).toBe(`'${payload}`);
    expect(sheet.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('B2').value).toBe(-5);
    expect(sheet.getCell('B2').type).toBe(ExcelJS.ValueType.Number);
  });
});
