import { and, desc, lt, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../../platform/db/tx.ts';

type Fields = Record<string, AnyPgColumn | SQL.Aliased | SQL>;

/**
 * Rows per export read. Small on purpose: a batch is alive while it is written, and rows that live
 * across a few young-generation collections are promoted to V8's old space, which the default heap
 * lets grow a long way before collecting. 500 rows keep that garbage small at no visible cost in
 * round trips (2,000 short index-range queries for a million rows).
 */
export const EXPORT_BATCH_ROWS = 500;

/**
 * Reads a filtered table in batches by descending key (never OFFSET, never one long transaction:
 * embedded PGlite would stall every other connection for the whole export). The next batch is
 * already being read while the consumer writes the current one, so the database and the writer
 * overlap; the consumer's own backpressure (the HTTP socket) paces the reads, at most one batch ahead.
 */
export async function* keysetBatches<R extends { id: number }>(
  q: Queryable,
  table: PgTable,
  fields: Fields & { id: AnyPgColumn },
  where: SQL,
  batch = EXPORT_BATCH_ROWS,
): AsyncGenerator<R[]> {
  const read = (before: number | null): Promise<R[]> => {
    const cond: SQL = before === null ? where : and(where, lt(fields.id, before))!;
    const p = q
      .select(fields as Fields)
      .from(table)
      .where(cond)
      .orderBy(desc(fields.id))
      .limit(batch)
      .execute() as Promise<unknown> as Promise<R[]>;
    p.catch(() => {}); // a consumer that stops early never awaits the read ahead: do not crash the process
    return p;
  };
  let pending = read(null);
  for (;;) {
    const rows = await pending;
    if (!rows.length) return;
    pending = rows.length < batch ? Promise.resolve([]) : read(Number(rows[rows.length - 1]!.id));
    yield rows;
  }
}
