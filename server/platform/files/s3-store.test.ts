import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import sharp from 'sharp';
import S3rver from 's3rver';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import * as schema from '../../db/schema.ts';
import { buildApp } from '../../app.ts';
import type { S3Settings } from '../config.ts';
import { pg } from '../db/pg-types.ts';
import type { Db } from '../db/open.ts';
import { createDeps } from '../../deps.ts';
import { createTestApp, loginAs, type TestContext } from '../../test/test-app.ts';

// A local S3-compatible server (s3rver, from npm), started and stopped by this file.
let server: S3rver;
let dir: string;
let settings: S3Settings;
let s3: S3Client;
let ctx: TestContext;
const apps: { app: FastifyInstance; close(): Promise<void> }[] = [];

async function instance(s3Settings: S3Settings): Promise<FastifyInstance> {
  const pool = new pg.Pool({ connectionString: inject('databaseUrl'), max: 1 });
  const deps = createDeps({ ...ctx.deps.config, s3: s3Settings }, drizzle(pool, { schema }) as Db);
  const app = await buildApp(deps);
  apps.push({
    app,
    async close() {
      deps.liveHub.close();
      await app.close();
      await pool.end();
    },
  });
  return app;
}

function photoUpload(app: FastifyInstance, headers: Record<string, string>, bytes: Buffer) {
  const boundary = '----gh';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({
    method: 'POST',
    url: '/api/cases/photos',
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-s3-'));
  server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir });
  const { port } = await server.run();
  settings = {
    bucket: 'gridhive-files',
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    prefix: 'test/',
  };
  s3 = new S3Client({
    endpoint: settings.endpoint!,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  await s3.send(new CreateBucketCommand({ Bucket: settings.bucket }));
  ctx = await createTestApp();
}, 120_000);
afterAll(async () => {
  for (const a of apps) await a.close();
  await ctx?.close();
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('file bytes in S3-compatible object storage', () => {
  it('keeps a photo uploaded through instance A in the bucket and serves it from instance B', async () => {
    const a = await instance(settings);
    const b = await instance(settings);
    const png = await sharp({ create: { width: 600, height: 300, channels: 3, background: '#a52' } })
      .png()
      .toBuffer();
    const up = await photoUpload(a, (await loginAs(a, 'resident')).headers, png);
    expect(up.statusCode, up.body).toBe(201);
    const { rows } = await ctx.pool.query(
      `select f.backend, f.bytes, (select count(*)::int from stored_file_chunks c where c.file_id = f.id) as chunks
      from stored_files f join case_photos p on p.storage_key = f.key where p.id = $1`,
      [up.json().data.id],
    );
    expect(rows).toEqual([{ backend: 's3', bytes: png.length, chunks: 0 }]);
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: settings.bucket, Prefix: 'test/files/' }));
    expect(listed.KeyCount).toBe(2); // the original and its thumbnail
    const got = await b.inject({
      method: 'GET',
      url: `/api/cases/photos/${up.json().data.id}`,
      headers: (await loginAs(b, 'resident')).headers,
    });
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(png)).toBe(true);
  }, 60_000);

  it('answers 503 in Chinese when the object store cannot be reached, and records nothing', async () => {
    const down = await instance({ ...settings, endpoint: 'http://127.0.0.1:1' });
    const before = (
      await ctx.pool.query(
        `select (select count(*)::int from case_photos) as photos, (select count(*)::int from stored_files) as files`,
      )
    ).rows[0];
    const png = await sharp({ create: { width: 50, height: 50, channels: 3, background: '#111' } })
      .png()
      .toBuffer();
    const res = await photoUpload(down, (await loginAs(down, 'resident')).headers, png);
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toMatchObject({
      code: 'STORE_UNAVAILABLE',
      message: '文件存储暂时不可用，请稍后重试（文件未保存）',
    });
    const after = (
      await ctx.pool.query(
        `select (select count(*)::int from case_photos) as photos, (select count(*)::int from stored_files) as files`,
      )
    ).rows[0];
    expect(after).toEqual(before);
  }, 60_000);
});

describe('backup of files held in object storage', () => {
  it('carries the objects inside the backup file; a restore without object storage puts the bytes in PostgreSQL', async () => {
    const { writeBackup } = await import('../backup/write-backup.ts');
    const { restoreBackup } = await import('../backup/restore-backup.ts');
    const file = path.join(dir, 'with-objects.backup');
    const [photo] = (
      await ctx.pool.query(
        `select p.id, f.key from case_photos p join stored_files f on f.key = p.storage_key and f.complete where f.backend = 's3' limit 1`,
      )
    ).rows;
    const a = await instance(settings);
    const original = (
      await a.inject({
        method: 'GET',
        url: `/api/cases/photos/${photo.id}`,
        headers: (await loginAs(a, 'resident')).headers,
      })
    ).rawPayload;
    const summary = await writeBackup(ctx.db, {
      file,
      dataKey: ctx.deps.config.dataKey,
      database: inject('databaseKind'),
      s3: settings,
    });
    expect(summary.bytes).toBeGreaterThan(original.length / 2);
    await restoreBackup(ctx.db, { file, dataKey: ctx.deps.config.dataKey, replace: true, s3: null });
    const { rows } = await ctx.pool.query(`select backend from stored_files where key = $1 and complete`, [photo.key]);
    expect(rows).toEqual([{ backend: 'pg' }]);
    const b = await instance(settings);
    const served = await b.inject({
      method: 'GET',
      url: `/api/cases/photos/${photo.id}`,
      headers: (await loginAs(b, 'resident')).headers,
    });
    expect(served.rawPayload.equals(original)).toBe(true);
  }, 120_000);
});
