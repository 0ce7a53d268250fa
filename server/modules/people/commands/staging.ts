import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Tx } from '../../../platform/db/tx.ts';
import { runsOnPglite } from '../../../platform/db/pglite-detect.ts';

/**
 * Rows of one bulk write, made readable to SQL inside the caller's transaction:
 * `select ${select} from ${relation}` yields them with the target table's column names and types.
 */
export interface StagedRows {
  relation: SQL;
  /** The select list (array columns cast back to their type on the unnest path). */
  select: SQL;
  /** The column list of an INSERT into the target table. */
  names: SQL;
}

interface StageColumn {
  key: string;
  name: string;
  type: string;
  isArray: boolean;
  isJson: boolean;
}

const ident = (n: string) => sql.raw(`"${n}"`);
const list = (items: SQL[]) => sql.join(items, sql`, `);

function columnsOf(table: PgTable, keys: string[]): StageColumn[] {
  const columns = getTableColumns(table) as Record<string, { name: string; getSQLType(): string }>;
  return keys.map((key) => {
    const col = columns[key];
    if (!col) throw new Error(`未知列 ${key}`);
    const type = col
      .getSQLType()
      .replace(/^serial$/, 'integer')
      .replace(/^bigserial$/, 'bigint');
    return { key, name: col.name, type, isArray: type.endsWith('[]'), isJson: type === 'jsonb' || type === 'json' };
  });
}

/** Postgres array literal for one text[] cell: {"a","b"} with quotes and backslashes escaped. */
function arrayLiteral(items: unknown): string {
  let out = '{';
  for (const item of items as unknown[]) {
    if (out.length > 1) out += ',';
    const s = String(item);
    out += `"${/["\\]/.test(s) ? s.replace(/["\\]/g, '\\$&') : s}"`;
  }
  return `${out}}`;
}

/** One field of COPY's text format: \N for null, backslash, tab and line breaks escaped. */
function copyField(value: unknown, col: StageColumn): string {
  if (value === null || value === undefined) return '\\N';
  const s = col.isArray
    ? arrayLiteral(value)
    : col.isJson
      ? JSON.stringify(value)
      : value instanceof Date
        ? value.toISOString()
        : String(value);
  return /[\\\t\n\r]/.test(s)
    ? s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : s;
}

/** The pg client under a drizzle node-postgres transaction (drizzle keeps it on the session). */
function clientOf(tx: Tx): pg.PoolClient {
  const client = (tx as unknown as { session?: { client?: pg.PoolClient } }).session?.client;
  if (!client || typeof client.query !== 'function') throw new Error('事务没有可用的数据库连接');
  return client;
}

let stageSeq = 0;

/**
 * Stages `rows` (objects keyed like the drizzle table's columns) for one INSERT … SELECT.
 *
 * On PostgreSQL the rows are written with COPY (text format, encoded here in one pass) into a
 * temporary table that has no index and no WAL and is dropped at commit: the cheapest way into
 * the server, and one statement no matter how many rows. On embedded PGlite, which cannot COPY
 * over its socket, they travel as one array parameter per column (`unnest($1::int[], …)`).
 */
export async function stageRows(tx: Tx, table: PgTable, rows: Record<string, unknown>[]): Promise<StagedRows> {
  const cols = columnsOf(table, Object.keys(rows[0] ?? {}));
  const names = list(cols.map((c) => ident(c.name)));
  const client = clientOf(tx);
  // COPY FROM STDIN cannot cross pglite-socket (the connection is lost with "protocol synchronization was lost").
  if (!(await runsOnPglite(client))) {
    const stage = `stage_${getTableName(table)}_${++stageSeq}`;
    await client.query(
      `create temp table "${stage}" (${cols.map((c) => `"${c.name}" ${c.type}`).join(', ')}) on commit drop`,
    );
    const copy = client.query(copyFrom(`copy "${stage}" (${cols.map((c) => `"${c.name}"`).join(', ')}) from stdin`));
    await pipeline(Readable.from(copyChunks(cols, rows)), copy);
    return { relation: sql.raw(`"${stage}"`), select: names, names };
  }
  const arrays = cols.map(
    (c) =>
      sql`${sql.param(
        rows.map((r) => {
          const v = r[c.key];
          return v === null || v === undefined ? null : c.isArray ? arrayLiteral(v) : v;
        }),
      )}::${sql.raw(c.isArray ? 'text[]' : `${c.type}[]`)}`,
  );
  return {
    relation: sql`unnest(${list(arrays)}) as t(${names})`,
    select: list(cols.map((c) => (c.isArray ? sql`${ident(c.name)}::${sql.raw(c.type)}` : ident(c.name)))),
    names,
  };
}

/** Whether this transaction can COPY (real PostgreSQL; PGlite cannot over its socket). */
export async function canCopy(tx: Tx): Promise<boolean> {
  return !(await runsOnPglite(clientOf(tx)));
}

/**
 * COPYs `rows` (objects keyed like the drizzle table's columns) straight into `table` inside the
 * caller's transaction — PostgreSQL only (see canCopy). For writers that have already made sure
 * no row can conflict: COPY has no ON CONFLICT, a conflict fails the transaction.
 */
export async function copyRows(tx: Tx, table: PgTable, rows: Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return;
  const cols = columnsOf(table, Object.keys(rows[0]!));
  const copy = clientOf(tx).query(
    copyFrom(`copy "${getTableName(table)}" (${cols.map((c) => `"${c.name}"`).join(', ')}) from stdin`),
  );
  await pipeline(Readable.from(copyChunks(cols, rows)), copy);
}

/** COPY text in ~1,000-row chunks: few stream writes, no single string of the whole batch. */
function* copyChunks(cols: StageColumn[], rows: Record<string, unknown>[]): Generator<string> {
  let chunk = '';
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    let line = '';
    for (let j = 0; j < cols.length; j++) line += (j ? '\t' : '') + copyField(row[cols[j]!.key], cols[j]!);
    chunk += `${line}\n`;
    if (i % 1000 === 999) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
