import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lockfile from 'proper-lockfile';

export interface EmbeddedDatabase {
  connectionString: string;
  stop(): Promise<void>;
}

// Compiled by `npm run build` this file is .js and so is its child, which then needs no TypeScript loader.
const compiled = import.meta.url.endsWith('.js');
const childEntry = fileURLToPath(new URL(compiled ? './pglite-child.js' : './pglite-child.ts', import.meta.url));

/**
 * Starts PGlite for `dataDir` in a child process and returns a `pg` connection string
 * to it. The data directory is locked first: PGlite has no lock of its own, and two
 * processes writing one directory corrupt it.
 */
export async function startEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const pgdata = path.join(dataDir, 'pgdata');
  fs.mkdirSync(pgdata, { recursive: true });
  const release = await lockDataDir(dataDir);
  // A private directory keeps the socket unreachable to other local users and its path short.
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-pg-'));
  const socketPath = path.join(socketDir, '.s.PGSQL.5432');
  const child = fork(childEntry, [pgdata, socketPath], {
    execArgv: compiled ? [] : ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    await waitForReady(child);
  } catch (error) {
    child.kill('SIGKILL');
    await release();
    throw error;
  }
  return {
    connectionString: `postgresql://postgres@/postgres?host=${encodeURIComponent(socketDir)}`,
    async stop() {
      await stopChild(child);
      fs.rmSync(socketDir, { recursive: true, force: true });
      await release().catch(() => undefined);
    },
  };
}

async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  try {
    // `stale`: a lock left by a killed process is taken over after this long.
    return await lockfile.lock(dataDir, { lockfilePath: path.join(dataDir, '.lock'), stale: 10_000, update: 2_000 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new Error(`数据目录 ${dataDir} 正被另一个 GridHive 进程使用（请先停止它，或用 DATA_DIR 指定其他目录）`);
    }
    throw error;
  }
}

function waitForReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('嵌入式数据库 120 秒内未能启动')), 120_000);
    child.once('message', () => { clearTimeout(timer); resolve(); });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`嵌入式数据库进程退出，代码 ${code}`)); });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => { clearTimeout(force); resolve(); });
    child.kill('SIGTERM');
  });
}
