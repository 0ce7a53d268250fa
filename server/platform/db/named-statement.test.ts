import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import * as schema from '../../db/schema.ts';
import { executeNamed } from './named-statement.ts';
import type { Db } from './open.ts';
import { pg } from './pg-types.ts';

// One connection, so that the session executeNamed prepared on is the one asked afterwards.
let pool: pg.Pool;
let db: Db;
beforeAll(() => {
  pool = new pg.Pool({ connectionString: inject('databaseUrl'), max: 1 });
  db = drizzle(pool, { schema }) as unknown as Db;
});
afterAll(() => pool.end());

const clock = (label: string) =>
  sql`select ${label}::text as label, timestamptz '2026-12-07 10:00:00+08' as at, ${sql.param([1, 2])}::int[] as ids`;

describe('a statement run by name', () => {
  it('answers the same rows as an ordinary execute, values parsed the same way', async () => {
    const named = await executeNamed(db, clock('甲'));
    const plain = await db.execute(clock('甲'));
    expect(named.rows).toEqual(plain.rows);
    expect(named.rows[0]).toMatchObject({ label: '甲', ids: [1, 2] });
  });

  it('is parsed and planned once per connection on PostgreSQL, and never named on embedded PGlite', async () => {
    const variant = sql`select ${'乙'}::text as label, 2 as variant`;
    for (let i = 0; i < 3; i++) {
      expect((await executeNamed(db, clock(`第${i}次`))).rows[0]).toMatchObject({ label: `第${i}次` });
      // A different text on the same connection gets a name of its own: no clash with the first.
      expect((await executeNamed(db, variant)).rows[0]).toMatchObject({ label: '乙', variant: 2 });
    }
    const prepared = await db.execute<{ statement: string }>(
      sql`select statement from pg_prepared_statements where name like 'gh\_%' and statement like '%as label%'`,
    );
    expect(prepared.rows.length).toBe(inject('databaseKind') === 'postgres' ? 2 : 0);
  });
});
