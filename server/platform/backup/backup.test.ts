import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import * as schema from '../../db/schema.ts';
import { buildApp } from '../../app.ts';
import { readConfig } from '../config.ts';
import { pg } from '../db/pg-types.ts';
import type { Db } from '../db/open.ts';
import { startEmbeddedDatabase } from '../db/embedded.ts';
import { runMigrations } from '../db/migrate.ts';
import { createDeps } from '../../deps.ts';
import { recordAudit } from '../audit.ts';
import { sealAuditChain } from '../audit-chain/index.ts';
import { pgFileStore } from '../files/store.ts';
import { createTestApp, loginAs, type TestContext } from '../../test/test-app.ts';
import { pointInGrid, report } from '../../modules/cases/test-helpers.ts';
import { BackupRefused } from './format.ts';
import { restoreBackup } from './restore-backup.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dataKey = readConfig({}).dataKey;

/** `npm run cli -- …` in its own process, against the database named by `url`. */
function runCli(
  args: string[],
  url: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, ...env },
    });
    let stdout = '',
      stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A second, freshly migrated and empty install: a new database on PostgreSQL, a new data directory when embedded. */
async function emptyInstall(): Promise<{ url: string; db: Db; pool: pg.Pool; drop(): Promise<void> }> {
  let url: string;
  let drop: () => Promise<void>;
  if (inject('databaseKind') === 'postgres') {
    const name = `gridhive_restore_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: inject('databaseUrl') });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const target = new URL(inject('databaseUrl'));
    target.pathname = `/${name}`;
    url = target.toString();
    drop = async () => {
      const c = new pg.Client({ connectionString: inject('databaseUrl') });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-restore-'));
    const embedded = await startEmbeddedDatabase(dir);
    url = embedded.connectionString;
    drop = async () => {
      await embedded.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  await runMigrations(pool);
  return {
    url,
    pool,
    db: drizzle(pool, { schema }) as Db,
    async drop() {
      await pool.end();
      await drop();
    },
  };
}

async function counts(pool: pg.Pool) {
  const { rows } =
    await pool.query(`select (select count(*) from cases) as cases, (select count(*) from case_photos) as photos,
    (select count(*) from audit_log) as audit, (select count(*) from users) as users, (select count(*) from stored_files) as files,
    (select coalesce(max(id), 0) from audit_log) as last_audit`);
  return rows[0] as Record<string, number>;
}

let ctx: TestContext;
let target: Awaited<ReturnType<typeof emptyInstall>>;
let dir: string;
let backupFile: string;
let photoId: number;
let photoBytes: Buffer;
let caseId: number;
let restoredCounts: Record<string, number>;
beforeAll(async () => {
  ctx = await createTestApp();
  target = await emptyInstall();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-backup-'));
  backupFile = path.join(dir, 'gridhive.backup');
}, 180_000);
afterAll(async () => {
  await target?.drop();
  await ctx?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore through the command line', () => {
  it('brings every case, photo and audit row back into an empty install, and the audit chain verifies', async () => {
    const resident = await loginAs(ctx.app, 'resident');
    photoBytes = await sharp({ create: { width: 500, height: 400, channels: 3, background: '#25c' } })
      .jpeg()
      .toBuffer();
    const boundary = '----gh';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      photoBytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await ctx.app.inject({
      method: 'POST',
      url: '/api/cases/photos',
      headers: { ...resident.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    photoId = up.json().data.id;
    const grid = ctx.seed.tree.streets[0]!.communities[0]!.grids[0]!;
    caseId = (
      await report(ctx.app, resident, {
        title: '路灯不亮',
        description: '三号楼前路灯坏了',
        photoIds: [photoId],
        ...(await pointInGrid(ctx, grid.id)),
      })
    ).id;
    await sealAuditChain(ctx.db);
    // One more row stays unsealed: the backup must carry it too.
    await recordAudit(ctx.db, null, {
      action: 'test.after-seal',
      targetType: 'test',
      targetId: 1,
      scopePath: '/1/',
      summary: {},
    });
    const before = await counts(ctx.pool);
    expect(before.photos).toBeGreaterThan(0);

    // The source's app stays up and serving while the backup runs: it reads one snapshot.
    const backup = await runCli(['backup', backupFile], inject('databaseUrl'));
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain('备份完成');
    expect(backup.stderr).toMatch(/stored_file_chunks：\d+ 行/);

    const restore = await runCli(['restore', backupFile], target.url);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain('恢复完成');
    expect(await counts(target.pool)).toEqual(before);
    restoredCounts = before;

    // The restored install serves the case and its photo to the same accounts.
    const restoredApp = await buildApp(createDeps({ ...readConfig({}), webDir: null, seedDemo: false }, target.db));
    try {
      const secretary = await loginAs(restoredApp, 'secretary');
      const detail = await restoredApp.inject({
        method: 'GET',
        url: `/api/cases/${caseId}`,
        headers: secretary.headers,
      });
      expect(detail.json().data.photoIds).toEqual([photoId]);
      const photo = await restoredApp.inject({
        method: 'GET',
        url: `/api/cases/photos/${photoId}`,
        headers: secretary.headers,
      });
      expect(photo.rawPayload.equals(photoBytes)).toBe(true);
    } finally {
      await restoredApp.close();
    }

    const verify = await runCli(['audit-verify'], target.url);
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toContain('审计链完整');
  }, 240_000);
});

describe('refusals, before any data is touched', () => {
  const refusal = async (file: string, options: { replace?: boolean; key?: string } = {}) => {
    const before = await counts(target.pool);
    const error = await restoreBackup(target.db, {
      file,
      dataKey: options.key ?? dataKey,
      replace: options.replace ?? true,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupRefused);
    expect(await counts(target.pool)).toEqual(before);
    return (error as Error).message;
  };

  it('refuses a corrupted file', async () => {
    // Change one row inside the (valid) gzip stream: only the checksum can notice.
    const text = zlib.gunzipSync(fs.readFileSync(backupFile)).toString();
    const tampered = text.replace('路灯不亮', '路灯正常');
    expect(tampered).not.toBe(text);
    const file = path.join(dir, 'tampered.backup');
    fs.writeFileSync(file, zlib.gzipSync(tampered));
    expect(await refusal(file)).toContain('校验和不符');
    // Bytes flipped in the compressed stream.
    const raw = fs.readFileSync(backupFile);
    raw[Math.floor(raw.length / 2)]! ^= 0xff;
    fs.writeFileSync(file, raw);
    expect(await refusal(file)).toMatch(/损坏|校验和不符|格式错误/);
  });

  it('refuses a truncated file', async () => {
    const text = zlib.gunzipSync(fs.readFileSync(backupFile)).toString();
    const file = path.join(dir, 'truncated.backup');
    fs.writeFileSync(file, zlib.gzipSync(text.slice(0, text.lastIndexOf('\nZ ') + 1)));
    expect(await refusal(file)).toContain('不完整');
    const raw = fs.readFileSync(backupFile);
    fs.writeFileSync(file, raw.subarray(0, Math.floor(raw.length * 0.6)));
    expect(await refusal(file)).toMatch(/损坏|不完整/);
  });

  it('refuses a file that is not a GridHive backup', async () => {
    const file = path.join(dir, 'foreign.backup');
    fs.writeFileSync(file, zlib.gzipSync('{"some":"other tool"}\n'));
    expect(await refusal(file)).toContain('不是蜂巢备份');
    fs.writeFileSync(file, 'PGDMP plain bytes');
    expect(await refusal(file)).toContain('不是蜂巢备份');
  });

  it('refuses a backup made under another data key', async () => {
    expect(await refusal(backupFile, { key: 'another-key-entirely-0123456789abcdef' })).toContain('GH_DATA_KEY');
  });

  it('refuses to overwrite a database that holds data unless told to replace it', async () => {
    expect(await refusal(backupFile, { replace: false })).toContain('--replace');
    // With the flag the backup replaces everything: the sign-in recorded since is gone again.
    expect((await counts(target.pool)).audit).toBeGreaterThan(restoredCounts.audit!);
    const lines: string[] = [];
    await restoreBackup(target.db, { file: backupFile, dataKey, replace: true, progress: (l) => lines.push(l) });
    expect(await counts(target.pool)).toEqual(restoredCounts);
    expect(lines.join('\n')).toMatch(/case_photos：1 行/);
    const [photo] = (await target.pool.query(`select storage_key from case_photos where id = $1`, [photoId])).rows;
    expect((await pgFileStore(target.db).read(photo.storage_key)).equals(photoBytes)).toBe(true);
  });
});
