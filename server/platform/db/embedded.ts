import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lockfile from 'proper-lockfile';
import { pg } from './pg-types.ts';

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
export async function startEmbeddedDatabase(
  dataDir: string,
  options: { shareRunning?: boolean } = {},
): Promise<EmbeddedDatabase> {
  const pgdata = path.join(dataDir, 'pgdata');
  fs.mkdirSync(pgdata, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockDataDir(dataDir);
  } catch (error) {
    // Held by a running server: a command-line tool may use that server's database instead.
    const running = options.shareRunning ? await runningDatabase(dataDir) : null;
    if (running) return { connectionString: running, async stop() {} };
    throw error;
  }
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
  const connectionString = `postgresql://postgres@/postgres?host=${encodeURIComponent(socketDir)}`;
  writeSocketInfo(dataDir, { pid: child.pid!, socketPath, connectionString });
  return {
    connectionString,
    async stop() {
      fs.rmSync(socketInfoPath(dataDir), { force: true });
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
    child.once('message', () => {
      clearTimeout(timer);
      resolve();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`嵌入式数据库进程退出，代码 ${code}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

interface SocketInfo {
  pid: number;
  socketPath: string;
  connectionString: string;
}

/** Where the holder of a data directory says its database socket is (readable by the owner only). */
export function socketInfoPath(dataDir: string): string {
  return path.join(dataDir, 'db-socket.json');
}

function writeSocketInfo(dataDir: string, info: SocketInfo): void {
  const file = socketInfoPath(dataDir);
  fs.rmSync(file, { force: true });
  fs.writeFileSync(file, JSON.stringify(info), { mode: 0o600, flag: 'wx' });
}

/**
 * The connection string of the database a running server holds for `dataDir`, or null when
 * there is none (no socket file, its process gone, or the socket not answering).
 */
export async function runningDatabase(dataDir: string): Promise<string | null> {
  let info: SocketInfo;
  try {
    info = JSON.parse(fs.readFileSync(socketInfoPath(dataDir), 'utf8')) as SocketInfo;
    process.kill(info.pid, 0);
    if (!fs.existsSync(info.socketPath)) return null;
  } catch {
    return null;
  }
  const client = new pg.Client({ connectionString: info.connectionString, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return info.connectionString;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}
