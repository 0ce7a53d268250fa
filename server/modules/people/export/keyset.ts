import { and, desc, lt, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../../platform/db/tx.ts';

type Fields = Record<string, AnyPgColumn | SQL.Aliased | SQL>;

/** Reads a filtered table in batches by descending key (never OFFSET): flat time and memory per batch. */
export async function* keysetBatches(q: Queryable, table: PgTable, fields: Fields & { id: AnyPgColumn }, where: SQL, batch = 2000): AsyncGenerator<Record<string, unknown>[]> {
  let before: number | null = null;
  for (;;) {
    const cond: SQL = before === null ? where : and(where, lt(fields.id, before))!;
    const rows: Record<string, unknown>[] = await q.select(fields as Fields).from(table).where(cond).orderBy(desc(fields.id)).limit(batch);
    if (!rows.length) return;
    yield rows;
    before = Number(rows[rows.length - 1]!.id);
  }
}
