/** The real server for browser tests: a free port, a fresh data directory, logs kept for failures. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freshDatabaseUrl } from './database.ts';
import { ROOT } from './root.ts';

// The demo seed takes about a minute; on a loaded machine (E2E_START_TIMEOUT_MS) it may need longer.
const START_TIMEOUT_MS = Number(process.env.E2E_START_TIMEOUT_MS || process.env.GH_E2E_START_TIMEOUT_MS) || 120_000;
const LOG_TAIL_CHARS = 20_000;

export interface RunningServer {
  baseUrl: string;
  /** The server's console output so far (its last LOG_TAIL_CHARS characters). */
  output(): string;
  /** Waits for a console line matching `pattern` (e.g. the setup code) and returns the match. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Extra environment, e.g. `{ GH_SEED_DEMO: '0' }` for a clean install with no demo district. */
  env?: Record<string, string>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Keeps the last characters of a stream: enough to explain a failure, bounded for a chatty server. */
function tail(): { push(chunk: Buffer): void; text(): string } {
  let buf = '';
  return {
    push: (chunk) => {
      buf = (buf + chunk.toString('utf8')).slice(-LOG_TAIL_CHARS);
    },
    text: () => buf,
  };
}

/**
 * Spawns `node --import tsx server/main.ts` and resolves once it prints a line with `http://`.
 * DATABASE_URL and the rest of the environment pass through, so the same test runs on PostgreSQL.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  if (!existsSync(path.join(ROOT, 'dist/web/index.html'))) {
    throw new Error('dist/web/index.html is missing: build the web app first (vite build --config web/vite.config.ts)');
  }
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gridhive-e2e-'));
  const database = await freshDatabaseUrl();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ...(database.url ? { DATABASE_URL: database.url } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: stop() then also ends helpers the server spawned (e.g. the database).
    detached: true,
  });
  const stdout = tail();
  const stderr = tail();
  const verbose = process.env.E2E_VERBOSE === '1';
  // Both pipes are drained for the server's whole life: a full pipe would block its writes.
  child.stderr.on('data', (chunk: Buffer) => {
    stderr.push(chunk);
    if (verbose) process.stderr.write(chunk);
  });

  const killGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  const onRunnerExit = () => killGroup('SIGKILL');
  process.once('exit', onRunnerExit);

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    process.removeListener('exit', onRunnerExit);
    if (child.exitCode === null && child.signalCode === null) {
      killGroup('SIGTERM');
      const timer = setTimeout(() => killGroup('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
    await database.drop();
  };

  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`server printed no http:// line within ${START_TIMEOUT_MS / 1000} s`)),
        START_TIMEOUT_MS,
      );
      child.stdout.on('data', (chunk: Buffer) => {
        stdout.push(chunk);
        if (verbose) process.stdout.write(chunk);
        if (stdout.text().includes('http://')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`server exited (${code ?? signal}) before listening`));
      });
      child.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
  } catch (err) {
    await stop();
    const message = err instanceof Error ? err.message : String(err);
    throw new Error(`${message}\n--- server stderr ---\n${stderr.text()}\n--- server stdout ---\n${stdout.text()}`);
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(baseUrl);
  } catch (err) {
    await stop();
    throw err;
  }
  const waitForOutput = async (pattern: RegExp, timeoutMs = 30_000): Promise<RegExpMatchArray> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = stdout.text().match(pattern);
      if (match) return match;
      if (Date.now() > deadline)
        throw new Error(`server printed nothing matching ${pattern}\n--- server stdout ---\n${stdout.text()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  return { baseUrl, output: () => stdout.text(), waitForOutput, stop };
}

/** The http:// line may be printed a moment before the socket accepts: poll it briefly. */
async function waitUntilAnswering(baseUrl: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      await fetch(`${baseUrl}/api/me`);
      return;
    } catch (err) {
      if (Date.now() > deadline)
        throw new Error(`server printed its URL but ${baseUrl} does not answer: ${String(err)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
