import { PassThrough } from 'node:stream';
import { setImmediate } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { needsDrain, zipIntake } from './table-stream.ts';

describe('xlsx export backpressure', () => {
  it('sees when the zip entry ExcelJS writes a sheet into is full, so the export waits for deflate instead of piling up rows', async () => {
    const out = new PassThrough(); // a download nobody reads: everything upstream must fill and say so
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
    const sheet = workbook.addWorksheet('实有人口');
    let rows = 0;
    let full = false;
    while (!full && rows < 500_000) {
      for (let i = 0; i < 500; i++, rows++) sheet.addRow([`居民${rows}`, '苏州市姑苏区某街道某社区某小区1幢1单元101室']).commit();
      await setImmediate();
      const intake = zipIntake(sheet);
      full = intake !== undefined && needsDrain(intake);
    }
    out.destroy();
    expect(full).toBe(true);
    expect(rows).toBeLessThan(100_000);
  });
});
