/**
 * haproxy (the Debian package) in front of several instances: round-robin, health-checked on
 * /readyz, connection failures retried on another instance. The same settings as README's example.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './server-process.ts';

export interface Balancer {
  baseUrl: string;
  port: number;
  config: string;
  stop(): Promise<void>;
}

export function haproxyAvailable(): boolean {
  return spawnSync('haproxy', ['-v'], { stdio: 'ignore' }).status === 0;
}

export function haproxyConfig(port: number, backends: { name: string; port: number }[]): string {
  return `global
  maxconn 4096

defaults
  mode http
  option forwardfor
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  # /readyz asks the database: a loaded machine answers slowly, which is not "down"
  timeout check 3s
  # event streams (SSE) stay open for hours
  timeout tunnel 1h
  # a refused or failed connection (an instance stopping or killed) is retried on another
  # instance; a request that reached an instance is never re-sent (it may have been written)
  retries 3
  option redispatch 1
  retry-on conn-failure

frontend gridhive
  bind 127.0.0.1:${port}
  default_backend instances

backend instances
  balance roundrobin
  option httpchk GET /readyz
  http-check expect status 200
  default-server inter 1s fall 3 rise 2
${backends.map((b) => `  server ${b.name} 127.0.0.1:${b.port} check`).join('\n')}
`;
}

/** Starts haproxy in the foreground and resolves once every backend answers through it. */
export async function startHaproxy(backends: { name: string; port: number }[]): Promise<Balancer> {
  const port = await freePort();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gh-haproxy-'));
  const config = path.join(dir, 'haproxy.cfg');
  await writeFile(config, haproxyConfig(port, backends));
  const child = spawn('haproxy', ['-f', config, '-db'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (c: Buffer) => {
    log = (log + c.toString()).slice(-10_000);
  });
  child.stderr.on('data', (c: Buffer) => {
    log = (log + c.toString()).slice(-10_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  // Ready when round-robin has reached every backend: the health checks have marked them up.
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`haproxy exited:\n${log}`);
    }
    try {
      const statuses = await Promise.all(backends.map(() => fetch(`${baseUrl}/readyz`).then((r) => r.status)));
      if (statuses.every((s) => s === 200)) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`haproxy never passed requests to every backend:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  // the first checks need `rise` passes: give them their interval
  await new Promise((r) => setTimeout(r, 1_200));
  return { baseUrl, port, config, stop };
}
