import type { Queryable } from '../platform/db/tx.ts';
import { sql } from 'drizzle-orm';

/** Empties every table: a clean install (no district, no accounts) for setup tests. */
export async function emptyDatabase(db: Queryable): Promise<void> {
  const tables = await db.execute<{ tablename: string }>(
    sql`select tablename from pg_tables where schemaname = 'public' and tablename not like '%migrations%'`,
  );
  await db.execute(
    sql.raw(`truncate ${tables.rows.map((t) => `"${t.tablename}"`).join(', ')} restart identity cascade`),
  );
}
