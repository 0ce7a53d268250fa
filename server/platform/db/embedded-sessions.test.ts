/**
 * The embedded database serves every connection from one PGlite session. A CLI tool or an import
 * worker connects beside the server, so two connections' parameterised queries (Parse, Bind,
 * Execute, Sync) must never interleave: one would bind against the other's statement and read
 * its rows. This happened in CI (an import worker beside the test's own reads).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pg } from './pg-types.ts';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded.ts';

let dir: string;
let embedded: EmbeddedDatabase;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-embedded-sessions-'));
  embedded = await startEmbeddedDatabase(dir);
});
afterAll(async () => {
  await embedded.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function client(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: embedded.connectionString });
  await c.connect();
  return c;
}

describe('embedded database with several connections', () => {
  it('answers each connection its own query while another sends large parameters', async () => {
    const conns = await Promise.all([client(), client(), client()]);
    try {
      const wrong: string[] = [];
      await Promise.all(
        conns.map(async (conn, k) => {
          for (let i = 0; i < 120; i++) {
            // A Bind of 300 kB arrives in several socket reads: the moment another Parse used to slip in.
            const r =
              k === 0
                ? await conn.query('select length($1::text) as v, $2::int as i', ['x'.repeat(300_000 + i), i])
                : await conn.query(`select x as v from generate_series($1::int + ${k}, $1::int + ${k}) x`, [i]);
            const want = k === 0 ? 300_000 + i : i + k;
            if ((r.rows[0] as { v?: number } | undefined)?.v !== want)
              wrong.push(`${k}#${i}: ${JSON.stringify(r.rows)}`);
          }
        }),
      );
      expect(wrong.slice(0, 5)).toEqual([]);
    } finally {
      await Promise.all(conns.map((c) => c.end()));
    }
  });

  it('keeps serving others after a query fails, and rolls back a connection that vanished mid-transaction', async () => {
    const [a, b] = await Promise.all([client(), client()]);
    try {
      await a.query('create table if not exists vanish (n int)');
      await expect(a.query('select 1 / $1::int as q', [0])).rejects.toThrow(/division by zero/);
      expect((await a.query('select $1::int as ok', [1])).rows).toEqual([{ ok: 1 }]);

      const doomed = await client();
      doomed.on('error', () => undefined);
      await doomed.query('begin');
      await doomed.query('insert into vanish values ($1)', [1]);
      // Destroy the socket without a goodbye, as a killed worker would.
      (doomed as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
      expect((await b.query('select count(*)::int as n from vanish')).rows).toEqual([{ n: 0 }]);
      expect((await b.query('select $1::int as ok', [7])).rows).toEqual([{ ok: 7 }]);
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
  });
});
