/**
 * SIGTERM on a real server process: the request in flight is answered, the event stream is told
 * to reconnect elsewhere and ended, no new connection is accepted, the job in hand finishes (on
 * PostgreSQL, where the test can hold it up with a table lock), and the process exits 0.
 */
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pg } from '../db/pg-types.ts';
import { startEmbeddedDatabase } from '../db/embedded.ts';
import { freshDatabase, seedSmallDistrict, CLUSTER_PASSWORD } from '../../test/cluster/databases.ts';
import { HttpClient, openEventStream } from '../../test/cluster/http-client.ts';
import { startServerProcess, type ServerProcess } from '../../test/cluster/server-process.ts';

const serverUrl = process.env.DATABASE_URL;
let dataDir: string;
let database: { url: string; drop(): Promise<void> } | null = null;
let server: ServerProcess | null = null;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'gh-drain-'));
  if (serverUrl) {
    database = await freshDatabase(serverUrl, 'gridhive_drain');
    await seedSmallDistrict(database.url, { communityLife: false });
  } else {
    const embedded = await startEmbeddedDatabase(dataDir);
    try {
      await seedSmallDistrict(embedded.connectionString, { communityLife: false });
    } finally {
      await embedded.stop();
    }
  }
}, 300_000);

afterAll(async () => {
  await server?.stop(2_000);
  await database?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

type Answer = { status: number; connection: string | undefined; text: string };

/** Sends a login whose body arrives in two parts; `finish()` sends the rest and returns the reply. */
function slowLogin(port: number): { finish(): Promise<Answer> } {
  const body = JSON.stringify({ username: 'secretary', password: CLUSTER_PASSWORD });
  const half = Math.floor(body.length / 2);
  const req = http.request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/api/auth/login',
    agent: false,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  const reply = new Promise<Answer>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c: Buffer) => {
        text += c.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, text }));
    });
    req.on('error', reject);
  });
  req.write(body.slice(0, half));
  return {
    finish: () => {
      req.end(body.slice(half));
      return reply;
    },
  };
}

async function connectionRefused(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url, { headers: { connection: 'close' } });
    } catch {
      return true;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

describe('SIGTERM', () => {
  it('answers the request in flight, sends event streams elsewhere, finishes the running job and exits 0', async () => {
    // On PostgreSQL a job is held up inside its handler: the analytics snapshot writes a table we lock.
    let locker: pg.Client | null = null;
    if (database) {
      locker = new pg.Client({ connectionString: database.url });
      await locker.connect();
      await locker.query('begin');
      await locker.query('lock table analytics_snapshots in exclusive mode');
    }
    try {
      server = await startServerProcess({
        name: 'drain',
        env: { DATA_DIR: dataDir, GH_SHUTDOWN_SECONDS: '60', ...(database ? { DATABASE_URL: database.url } : {}) },
      });
      const client = new HttpClient(server.baseUrl);
      expect((await client.login('secretary')).status).toBe(200);
      const stream = openEventStream(client);
      await stream.ready;

      if (locker) {
        const deadline = Date.now() + 30_000;
        for (;;) {
          const { rows } = await locker.query(
            `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
          );
          if (rows[0].n > 0) break;
          if (Date.now() > deadline) throw new Error(`no job ever waited on the lock\n${server.output()}`);
          await new Promise((r) => setTimeout(r, 100));
        }
      }

      const slow = slowLogin(server.port);
      await new Promise((r) => setTimeout(r, 300));
      server.child.kill('SIGTERM');

      // The stream is told to reconnect (to another instance) soon, and ended.
      await Promise.race([
        stream.ended,
        new Promise((_, reject) => setTimeout(() => reject(new Error('event stream not ended')), 5_000)),
      ]);
      expect(stream.events.map((e) => e.event)).toContain('reconnect');
      expect(stream.retry).toBe(500);
      // No new connection is taken…
      expect(await connectionRefused(`${server.baseUrl}/healthz`, 5_000)).toBe(true);
      // …but the request that was already arriving is served in full, and its connection closed.
      const answer = await slow.finish();
      expect(answer.status, answer.text).toBe(200);
      expect(answer.connection).toBe('close');

      if (locker) {
        // The job in hand holds the exit back until it has finished.
        await new Promise((r) => setTimeout(r, 1_000));
        expect(server.child.exitCode, server.output()).toBeNull();
        await locker.query('commit');
      }
      const exit = await Promise.race([
        server.exited,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no exit\n${server!.output()}`)), 30_000)),
      ]);
      expect(exit, server.output()).toEqual({ code: 0, signal: null });
      expect(server.output()).toMatch(/已停止：进行中的请求与后台任务均已完成，1 个实时连接已通知改连其他实例/);

      if (locker) {
        // Nothing was left holding a lease for another instance to wait out; the snapshot ran to its end.
        const { rows } = await locker.query(
          `select kind, state, last_error from jobs where state = 'running' or kind = 'analytics.snapshots'`,
        );
        expect(rows).toEqual([{ kind: 'analytics.snapshots', state: 'queued', last_error: null }]);
      }
    } finally {
      await locker?.end().catch(() => undefined);
    }
  }, 240_000);
});
