import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../../../platform/db/tx.ts';

/** Postgres array literal for one text[] cell: {"a","b"} with quotes and backslashes escaped. */
function arrayLiteral(items: unknown): string {
  return `{${(items as string[]).map((s) => `"${String(s).replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

export interface BulkUpsertOptions {
  /** Conflict target (column names). */
  target: string[];
  /** Columns compared to decide whether a conflicting row changed at all (idempotent re-import). */
  compare: string[];
  /** Column → SQL expression overrides for the update (default: excluded.<column>). */
  overrides?: Record<string, string>;
  /** Columns never overwritten on conflict (e.g. the conflict key itself, ciphertexts keyed by a hash). */
  keep?: string[];
  /** Raw SQL select-list items, e.g. 'id', 'moved_in_on::text as moved_in_on'. */
  returning?: string[];
}

/**
 * Bulk upsert with one parameter per column (`insert … select … from unnest($1::int[], $2::text[], …)`)
 * instead of one per cell: a 2,000-row batch becomes ~20 parameters, which keeps both query building
 * in Node and parsing in PostgreSQL cheap (drizzle's per-cell VALUES list cost ~140 µs per row).
 * Array-typed columns travel as text[] of array literals and are cast back per row.
 */
export async function bulkUpsert<T extends PgTable>(tx: Tx, table: T, rows: Record<string, unknown>[], options: BulkUpsertOptions): Promise<Record<string, unknown>[]> {
  if (!rows.length) return [];
  const columns = getTableColumns(table) as Record<string, { name: string; getSQLType(): string }>;
  const keys = Object.keys(rows[0]!);
  const defs = keys.map((key) => {
    const col = columns[key];
    if (!col) throw new Error(`未知列 ${key}`);
    const type = col.getSQLType().replace(/^serial$/, 'integer');
    const isArray = type.endsWith('[]');
    const values = rows.map((r) => (r[key] === null || r[key] === undefined ? null : isArray ? arrayLiteral(r[key]) : r[key]));
    return { name: col.name, type, isArray, values };
  });
  const ident = (n: string) => sql.raw(`"${n}"`);
  const list = (items: SQL[]) => sql.join(items, sql`, `);
  const unnest = list(defs.map((d) => sql`${sql.param(d.values)}::${sql.raw(d.isArray ? 'text[]' : `${d.type}[]`)}`));
  const selected = list(defs.map((d) => (d.isArray ? sql`${ident(d.name)}::${sql.raw(d.type)}` : ident(d.name))));
  const keep = new Set([...options.target, ...(options.keep ?? [])]);
  const sets = defs.filter((d) => !keep.has(d.name)).map((d) => sql`${ident(d.name)} = ${sql.raw(options.overrides?.[d.name] ?? `excluded."${d.name}"`)}`);
  const tableName = getTableName(table);
  const cmp = (prefix: string) => list(options.compare.map((c) => sql.raw(`${prefix}."${c}"`)));
  const statement = sql`insert into ${ident(tableName)} (${list(defs.map((d) => ident(d.name)))})
    select ${selected} from unnest(${unnest}) as t(${list(defs.map((d) => ident(d.name)))})
    on conflict (${list(options.target.map(ident))}) do update set ${list(sets)}, "updated_at" = now()
    where (${cmp(`"${tableName}"`)}) is distinct from (${cmp('excluded')})
    ${options.returning ? sql`returning ${sql.raw(options.returning.join(', '))}` : sql``}`;
  return (await tx.execute(statement)).rows as Record<string, unknown>[];
}
