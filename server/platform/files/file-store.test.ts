import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import * as schema from '../../db/schema.ts';
import { buildApp } from '../../app.ts';
import { readConfig } from '../config.ts';
import { pg } from '../db/pg-types.ts';
import type { Db } from '../db/open.ts';
import { createDeps } from '../../deps.ts';
import { AppError } from '../errors.ts';
import { createTestApp, loginAs, type TestContext } from '../../test/test-app.ts';
import { imports } from '../../modules/people/schema.ts';
import { relinkImportFile } from '../../modules/people/index.ts';
import { runDueJobs } from '../jobs/queue.ts';
import { importJobs } from '../../modules/people/import/run-import.ts';
import { csvOf, houseCodesUnder, person, upload } from '../../modules/people/testing/fixtures.ts';
import { CHUNK_BYTES, pgFileStore } from './store.ts';
import { migrateLegacyUploads } from './migrate-uploads.ts';

let ctx: TestContext;
/** A second instance of the app on the same database, with a data directory of its own. */
let other: { app: FastifyInstance; db: Db; pool: pg.Pool; dataDir: string; close(): Promise<void> };
beforeAll(async () => {
  ctx = await createTestApp();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-instance-b-'));
  const pool = new pg.Pool({ connectionString: inject('databaseUrl'), max: 1 });
  const db = drizzle(pool, { schema }) as Db;
  const deps = createDeps({ ...readConfig({}), dataDir, webDir: null, seedDemo: false }, db);
  const app = await buildApp(deps);
  other = {
    app,
    db,
    pool,
    dataDir,
    async close() {
      deps.liveHub.close();
      await app.close();
      await pool.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}, 120_000);
afterAll(async () => {
  await other?.close();
  await ctx?.close();
});

function multipart(name: string, bytes: Buffer, mime: string) {
  const boundary = '----gh';
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${mime}\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('two instances on one database', () => {
  it('serves a photo uploaded through instance A from instance B, byte for byte', async () => {
    const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3a7' } })
      .png()
      .toBuffer();
    const a = await loginAs(ctx.app, 'resident');
    const body = multipart('photo.png', png, 'image/png');
    const up = await ctx.app.inject({
      method: 'POST',
      url: '/api/cases/photos',
      headers: { ...a.headers, ...body.headers },
      payload: body.payload,
    });
    expect(up.statusCode, up.body).toBe(201);
    const id = up.json().data.id;
    // Nothing lands in either instance's data directory.
    expect(fs.existsSync(path.join(other.dataDir, 'uploads'))).toBe(false);
    const b = await loginAs(other.app, 'resident');
    const original = await other.app.inject({ method: 'GET', url: `/api/cases/photos/${id}`, headers: b.headers });
    expect(original.statusCode).toBe(200);
    expect(original.headers['content-type']).toBe('image/png');
    expect(original.rawPayload.equals(png)).toBe(true);
    const thumb = await other.app.inject({
      method: 'GET',
      url: `/api/cases/photos/${id}?thumb=true`,
      headers: b.headers,
    });
    expect((await sharp(thumb.rawPayload).metadata()).width).toBe(320);
  });

  it('lets a worker of instance B run an import uploaded through instance A', async () => {
    const s = await loginAs(ctx.app, 'secretary');
    const houses = await houseCodesUnder(ctx.db, ctx.seed.tree.streets[0]!.communities[0]!.path, 3);
    const rows = [
      ['姓名', '身份证号', '房屋编码', '人口类型'],
      ...[1, 2, 3].map((i) => [`居民甲${i}`, person(900 + i), houses[i - 1]!.code, '户籍']),
    ];
    const up = (await upload(ctx.app, s, 'residents', '三人.csv', csvOf(rows))).json().data;
    const started = await ctx.app.inject({
      method: 'POST',
      url: `/api/people/imports/${up.id}/start`,
      headers: s.headers,
      payload: { mapping: up.mapping },
    });
    expect(started.statusCode, started.body).toBe(200);
    const [row] = await ctx.db.select({ storedPath: imports.storedPath }).from(imports).where(eq(imports.id, up.id));
    expect(row!.storedPath).toMatch(/^imports\/people\/.+\.csv$/);
    // B's worker claims the job; the file is read from the store, not from A's disk.
    expect(
      await runDueJobs(other.db, importJobs(createDeps({ ...readConfig({}), dataDir: other.dataDir }, other.db))),
    ).toBe(1);
    const done = (
      await ctx.app.inject({ method: 'GET', url: `/api/people/imports/${up.id}`, headers: s.headers })
    ).json().data;
    expect({ state: done.state, okRows: done.okRows, errorRows: done.errorRows }).toEqual({
      state: 'done',
      okRows: 3,
      errorRows: 0,
    });
    // The personal data in the upload does not outlive the import.
    expect(await pgFileStore(ctx.db).stat(row!.storedPath)).toBeNull();
  });
});

describe('the PostgreSQL file store', () => {
  it('streams a file of many chunks in and out unchanged', async () => {
    const store = pgFileStore(ctx.db);
    const bytes = crypto.randomBytes(CHUNK_BYTES * 3 + 12_345);
    // Fed in odd-sized pieces, as a network upload arrives.
    const pieces = [];
    for (let at = 0; at < bytes.length; at += 70_001) pieces.push(bytes.subarray(at, at + 70_001));
    const info = await store.put('test/big.bin', Readable.from(pieces), { mime: 'application/octet-stream' });
    expect(info.bytes).toBe(bytes.length);
    expect(info.sha256).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
    const { rows } = await ctx.pool.query('select count(*)::int as n from stored_file_chunks where file_id = $1', [
      info.id,
    ]);
    expect(rows[0].n).toBe(4);
    expect((await store.read('test/big.bin')).equals(bytes)).toBe(true);
  });

  it('keeps the previous file whole when a replacing upload breaks off, and leaves no visible half', async () => {
    const store = pgFileStore(ctx.db);
    await store.put('test/report.csv', Buffer.from('旧内容'));
    async function* broken() {
      yield crypto.randomBytes(CHUNK_BYTES + 10);
      throw new Error('连接中断');
    }
    await expect(store.put('test/report.csv', Readable.from(broken()))).rejects.toBeInstanceOf(AppError);
    expect((await store.read('test/report.csv')).toString()).toBe('旧内容');
    const { rows } = await ctx.pool.query(`select count(*)::int as n from stored_files where key = 'test/report.csv'`);
    expect(rows[0].n).toBe(1);
  });

  it('answers 503 with a Chinese message when the database holding the files cannot be reached', async () => {
    const pool = new pg.Pool({
      connectionString: 'postgres://postgres@127.0.0.1:1/none',
      connectionTimeoutMillis: 2000,
    });
    const store = pgFileStore(drizzle(pool, { schema }) as Db);
    const error = await store.put('test/x', Buffer.from('x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('STORE_UNAVAILABLE');
    expect((error as AppError).message).toContain('文件存储暂时不可用');
    await pool.end();
  });
});

describe('files left under DATA_DIR/uploads by earlier versions', () => {
  it('moves them into the store at start, relinks a pending import, and does it only once', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-legacy-'));
    const uploads = path.join(dataDir, 'uploads');
    fs.mkdirSync(path.join(uploads, 'cases', 'ab'), { recursive: true });
    const photo = crypto.randomBytes(50_000);
    fs.writeFileSync(path.join(uploads, 'cases', 'ab', 'ab12.jpeg'), photo);
    fs.writeFileSync(path.join(uploads, 'cases', 'ab', 'ab13.jpeg.part'), 'half');
    const legacyImport = path.join(uploads, 'f00d.csv');
    fs.writeFileSync(legacyImport, '姓名,身份证号\n');
    const [imp] = await ctx.db
      .insert(imports)
      .values({
        kind: 'residents',
        fileName: 'old.csv',
        storedPath: legacyImport,
        format: 'csv',
        headers: ['姓名'],
        mapping: {},
        createdBy: 1,
        actor: { userId: 1 } as never,
        scopePath: '/1/',
      })
      .returning();
    const store = pgFileStore(ctx.db);
    const hooks = [(file: string, key: string) => relinkImportFile(ctx.db, file, key)];
    const lines: string[] = [];
    expect(await migrateLegacyUploads(store, dataDir, hooks, (l) => lines.push(l))).toEqual({
      moved: 2,
      bytes: photo.length + Buffer.byteLength('姓名,身份证号\n'),
    });
    expect(lines.join('\n')).toContain('已迁移 2 个文件');
    expect((await store.read('cases/ab/ab12.jpeg')).equals(photo)).toBe(true);
    expect(fs.existsSync(path.join(uploads, 'cases', 'ab', 'ab12.jpeg'))).toBe(false);
    const [relinked] = await ctx.db
      .select({ storedPath: imports.storedPath })
      .from(imports)
      .where(eq(imports.id, imp!.id));
    expect(relinked!.storedPath).toBe('f00d.csv');
    expect((await store.read('f00d.csv')).toString()).toBe('姓名,身份证号\n');
    // A second start finds nothing left to move.
    expect(await migrateLegacyUploads(store, dataDir, hooks, () => {})).toEqual({ moved: 0, bytes: 0 });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('after a kill between copying and deleting, the next start finishes without a second copy', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-legacy-'));
    const file = path.join(dataDir, 'uploads', 'cases', 'cd', 'cd34.png');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'png bytes');
    const store = pgFileStore(ctx.db);
    // The first start copied the file and died before deleting it.
    const first = await store.put('cases/cd/cd34.png', fs.createReadStream(file));
    expect(await migrateLegacyUploads(store, dataDir, [], () => {})).toEqual({ moved: 1, bytes: 9 });
    expect((await store.stat('cases/cd/cd34.png'))!.id).toBe(first.id);
    expect(fs.existsSync(file)).toBe(false);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
