/**
 * Real server processes for the operations tests and the cluster bench: `node --import tsx
 * server/main.ts` on a free port, API only (no built web app needed), output kept for failures.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
const LOG_TAIL = 30_000;

export interface ServerProcess {
  name: string;
  port: number;
  baseUrl: string;
  pid: number;
  child: ChildProcess;
  /** Console output so far (stdout and stderr interleaved, the last LOG_TAIL characters). */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM and wait (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

export function freePort(): Promise<number> {
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

/** Starts one instance and resolves once /readyz answers 200 (what a balancer waits for). */
export async function startServerProcess(options: {
  name: string;
  env: Record<string, string>;
  port?: number;
  startTimeoutMs?: number;
}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GH_SEED_DEMO: '0',
    WEB_DIR: '',
    ...options.env,
    PORT: String(port),
    HOST: '127.0.0.1',
  };
  // Request logs only when asked for: a logger writing every request would dominate the bench.
  if (!options.env.LOG_LEVEL) delete env.LOG_LEVEL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-LOG_TAIL);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.removeListener('exit', killOnExit));
  const baseUrl = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    name: options.name,
    port,
    baseUrl,
    pid: child.pid!,
    child,
    exited,
    output: () => log,
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + (options.startTimeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${options.name} exited before answering:\n${log}`);
    try {
      // Ready as a balancer sees it: migrated, and the first suggestion model trained.
      if ((await fetch(`${baseUrl}/readyz`)).ok) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} did not report ready on /readyz in time:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
