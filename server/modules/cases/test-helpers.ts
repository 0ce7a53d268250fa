import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { expect } from 'vitest';
import type { TestContext, Session } from '../../test/test-app.ts';

/** A point well inside a seeded grid (generated grids are axis-aligned rectangles). */
export async function pointInGrid(ctx: TestContext, gridId: number): Promise<{ lng: number; lat: number }> {
  const { rows } = await ctx.pool.query(`select min_lng, min_lat, max_lng, max_lat from org_nodes where id = $1`, [
    gridId,
  ]);
  const g = rows[0];
  return { lng: (g.min_lng + g.max_lng) / 2, lat: (g.min_lat + g.max_lat) / 2 };
}

export async function categoryId(ctx: TestContext, name: string): Promise<number> {
  const { rows } = await ctx.pool.query(`select id from case_categories where name = $1`, [name]);
  if (!rows[0]) throw new Error(`类别 ${name} 不存在`);
  return rows[0].id;
}

export async function act(
  app: FastifyInstance,
  s: Session,
  caseId: number,
  action: string,
  body: Record<string, unknown> = {},
) {
  const current = await app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: s.headers });
  const version = current.statusCode === 200 ? current.json().data.version : 1;
  return app.inject({
    method: 'POST',
    url: `/api/cases/${caseId}/${action}`,
    headers: s.headers,
    payload: { version, ...body },
  });
}

export async function actOk(
  app: FastifyInstance,
  s: Session,
  caseId: number,
  action: string,
  body: Record<string, unknown> = {},
) {
  const res = await act(app, s, caseId, action, body);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json().data;
}

export async function report(app: FastifyInstance, s: Session, body: Record<string, unknown>) {
  const res = await app.inject({ method: 'POST', url: '/api/cases', headers: s.headers, payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data as { id: number; caseNo: string; version: number };
}

/** Uploads a small PNG through the case photo route as `session` would, and returns the photo id. */
export async function uploadCasePhoto(app: FastifyInstance, session: Session): Promise<number> {
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a6' } })
    .png()
    .toBuffer();
  const boundary = '----gh';
  const res = await app.inject({
    method: 'POST',
    url: '/api/cases/photos',
    headers: { ...session.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data.id;
}
