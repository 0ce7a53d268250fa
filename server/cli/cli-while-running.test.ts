import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../platform/db/open.ts';
import { socketInfoPath } from '../platform/db/embedded.ts';
import { orgNodes } from '../modules/org/schema.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs `npm run cli -- …` as a user would, in its own process. */
function runCli(
  args: string[],
  env: Record<string, string | undefined>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const childEnv = { ...process.env, ...env };
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { cwd: ROOT, env: childEnv });
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

async function addCommunity(database: Database): Promise<void> {
  const [d] = await database.db
    .insert(orgNodes)
    .values({ level: 'district', code: '320508', name: '姑苏区', path: '/1/' })
    .returning();
  await database.db.update(orgNodes).set({ path: `/${d!.id}/` });
  await database.db
    .insert(orgNodes)
    .values({ parentId: d!.id, level: 'community', code: '320508017003', name: '路南社区', path: `/${d!.id}/999/` });
}

describe('the command line while a server holds the embedded database', () => {
  let dataDir: string;
  let holder: Database;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-cli-'));
    // This test process plays the running server: it holds the data directory's lock and socket.
    holder = await openDatabase({ dataDir, databaseUrl: null });
    await addCommunity(holder);
  }, 180_000);
  afterAll(async () => {
    await holder?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('leaves the socket address where only the owner can read it', () => {
    const mode = fs.statSync(socketInfoPath(dataDir)).mode & 0o777;
    expect(mode).toBe(0o600);
  });

  it('creates an Open311 key through the running database instead of failing on its lock', async () => {
    const res = await runCli(['open311-key', 'create', 'hotline-12345', '--community', '320508017003'], {
      DATA_DIR: dataDir,
      DATABASE_URL: undefined,
    });
    expect(res.stderr).not.toContain('正被另一个 GridHive 进程使用');
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout.trim()).toMatch(/^\S{20,}$/);
    const { rows } = await holder.pool.query(`select client_name from open311_keys`);
    expect(rows).toEqual([{ client_name: 'hotline-12345' }]);
  }, 120_000);

  it('backs up the running embedded database through its socket and restores into a stopped one', async () => {
    const file = path.join(dataDir, 'snapshot.backup');
    const backup = await runCli(['backup', file], { DATA_DIR: dataDir, DATABASE_URL: undefined });
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stderr).toContain('org_nodes：2 行');
    // A second data directory no server holds: the CLI opens it itself, migrates it, restores.
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-cli-restore-'));
    try {
      const restore = await runCli(['restore', file], { DATA_DIR: fresh, DATABASE_URL: undefined });
      expect(restore.code, restore.stderr).toBe(0);
      const reopened = await openDatabase({ dataDir: fresh, databaseUrl: null });
      try {
        const { rows } = await reopened.pool.query(`select name from org_nodes order by id`);
        expect(rows.map((r) => r.name)).toEqual(['姑苏区', '路南社区']);
      } finally {
        await reopened.close();
      }
    } finally {
      fs.rmSync(fresh, { recursive: true, force: true });
    }
  }, 180_000);

  it('still refuses a community that does not exist, with its own message', async () => {
    const res = await runCli(['open311-key', 'create', 'x', '--community', '320508999999'], {
      DATA_DIR: dataDir,
      DATABASE_URL: undefined,
    });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('社区 320508999999 不存在');
  }, 120_000);
});

describe('the command line with DATABASE_URL', () => {
  it('just connects to that database', async () => {
    const database = await openDatabase({ dataDir: os.tmpdir(), databaseUrl: inject('databaseUrl') });
    try {
      const tables = await database.pool.query<{ tablename: string }>(
        `select tablename from pg_tables where schemaname = 'public'`,
      );
      await database.pool.query(
        `truncate ${tables.rows.map((t) => `"${t.tablename}"`).join(', ')} restart identity cascade`,
      );
      await addCommunity(database);
    } finally {
      await database.close();
    }
    // A data directory nobody holds, so the CLI could only have reached the database through the URL.
    const res = await runCli(['open311-key', 'create', 'hotline-12345'], {
      DATABASE_URL: inject('databaseUrl'),
      DATA_DIR: path.join(os.tmpdir(), 'gh-cli-unused'),
    });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toContain('路南社区');
  }, 120_000);
});
