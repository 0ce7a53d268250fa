import { and, asc, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import type { Db } from '../../../platform/db/open.ts';
import { underPath } from '../../../platform/scope.ts';
import { makeIdentityNumber } from '../../../platform/demo-data/identity-number.ts';
import { orgNodes } from '../../org/schema.ts';
import type { Session } from '../../../test/test-app.ts';

/** House codes under a node (test helper: the seeded tree gives buildings, houses hang below). */
export async function houseCodesUnder(db: Db, path: string, limit = 50): Promise<{ id: number; code: string }[]> {
  return db
    .select({ id: orgNodes.id, code: orgNodes.code })
    .from(orgNodes)
    .where(and(eq(orgNodes.level, 'house'), underPath(orgNodes.path, path)))
    .orderBy(asc(orgNodes.id))
    .limit(limit);
}

export function person(
  seq: number,
  sex: 'male' | 'female' = seq % 2 ? 'male' : 'female',
  year = 1950 + (seq % 60),
): string {
  return makeIdentityNumber('320508', { y: year, m: 1 + (seq % 12), d: 1 + (seq % 28) }, seq % 500, sex);
}

export function csvOf(rows: string[][]): Buffer {
  return Buffer.from(
    rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n',
  );
}

export async function xlsxOf(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('居民');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Builds a multipart body by hand (app.inject has no form-data helper). */
export function multipartBody(fileName: string, content: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----gridhive${Date.now()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export async function upload(app: FastifyInstance, s: Session, kind: string, fileName: string, content: Buffer) {
  const body = multipartBody(fileName, content);
  return app.inject({
    method: 'POST',
    url: `/api/people/imports?kind=${kind}`,
    headers: { ...s.headers, ...body.headers },
    payload: body.payload,
  });
}

export async function countRows(db: Db, table: string): Promise<number> {
  const r = await db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`));
  return Number(r.rows[0]!.n);
}

/** A point inside a grid (a lattice over its polygon, checked with the app's own locator). */
export async function pointInGrid(
  db: Db,
  locate: (lng: number, lat: number) => Promise<{ id: number } | null>,
  gridId: number,
): Promise<{ lng: number; lat: number }> {
  const [grid] = await db.select({ geometry: orgNodes.geometry }).from(orgNodes).where(eq(orgNodes.id, gridId));
  const coords =
    JSON.stringify(grid?.geometry ?? {})
      .match(/-?\d+\.\d+,-?\d+\.\d+/g)
      ?.map((p) => p.split(',').map(Number) as [number, number]) ?? [];
  const lngs = coords.map((c) => c[0]),
    lats = coords.map((c) => c[1]);
  const [x0, x1, y0, y1] = [Math.min(...lngs), Math.max(...lngs), Math.min(...lats), Math.max(...lats)];
  for (let i = 1; i < 12; i++) {
    for (let j = 1; j < 12; j++) {
      const lng = Number((x0 + ((x1 - x0) * i) / 12).toFixed(6)),
        lat = Number((y0 + ((y1 - y0) * j) / 12).toFixed(6));
      if ((await locate(lng, lat))?.id === gridId) return { lng, lat };
    }
  }
  throw new Error(`no point found inside grid ${gridId}`);
}
