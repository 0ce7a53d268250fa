import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import * as schema from '../../db/schema.ts';
import { preparedStatement } from './prepared-statement.ts';
import type { Db } from './open.ts';
import { pg } from './pg-types.ts';

// One connection, so that the session the statements were prepared on is the one asked afterwards.
let pool: pg.Pool;
let db: Db;
beforeAll(() => {
  pool = new pg.Pool({ connectionString: inject('databaseUrl'), max: 1 });
  db = drizzle(pool, { schema }) as unknown as Db;
});
afterAll(() => pool.end());

const stamped = preparedStatement<{ label: string; at: Date }, Record<string, unknown>>(
  'test_stamped',
  () => sql`select ${sql.placeholder('label')}::text as label, ${sql.placeholder('at')}::timestamptz as at, 1 as one`,
);
const other = preparedStatement<{ n: number }, { n: number }>(
  'test_stamped',
  () => sql`select ${sql.placeholder('n')}::int as n`,
);

describe('a prepared statement', () => {
  it('answers the same rows as the same statement run by execute, with each call’s values', async () => {
    const at = new Date('2026-12-07T02:00:00Z');
    for (const label of ['甲', '乙']) {
      const prepared = await stamped(db, { label, at });
      const plain = await db.execute(sql`select ${label}::text as label, ${at}::timestamptz as at, 1 as one`);
      expect(prepared.rows).toEqual(plain.rows);
      expect(prepared.rows[0]).toMatchObject({ label, one: 1 });
    }
  });

  it('is parsed and planned once per connection on PostgreSQL, and never named on embedded PGlite', async () => {
    for (let n = 0; n < 3; n++) {
      await stamped(db, { label: `第${n}次`, at: new Date() });
      // Another text under the same given name gets a name of its own: no clash on the connection.
      expect((await other(db, { n })).rows[0]).toEqual({ n });
    }
    const prepared = await db.execute<{ name: string }>(
      sql`select name from pg_prepared_statements where name like 'gh\_test\_stamped\_%'`,
    );
    expect(prepared.rows.length).toBe(inject('databaseKind') === 'postgres' ? 2 : 0);
  });
});
