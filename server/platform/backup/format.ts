import crypto from 'node:crypto';
import type pg from 'pg';

/**
 * A backup file is gzip'd text, one record per line, each line tagged by its first two characters:
 *   H {header}            format, version, time, data-key fingerprint, migration state
 *   T {table, columns}    a table starts; R lines follow, one row each as to_jsonb(row)
 *   R {row}
 *   S {sequences}         every sequence's last value
 *   F {id, bytes}         a file whose bytes are in object storage; B lines follow (base64, 256 KiB each)
 *   Z {trailer}           row counts per table and the SHA-256 of every line before it
 * Nothing may follow Z. Without its trailer, or with a checksum that does not match, a file is
 * refused before any data is touched.
 */
export const BACKUP_FORMAT = 'gridhive-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** HMAC of a fixed text under GH_DATA_KEY: equal keys give equal fingerprints, the key is not revealed. */
  keyFingerprint: string;
  /** Every migration journal's applied hashes, in order (drizzle.__migrations_<set>). */
  migrations: Record<string, string[]>;
  database: 'embedded' | 'postgres';
}

export interface BackupTrailer {
  sha256: string;
  tables: Record<string, number>;
  sequences: number;
  objects?: number;
}

/** Outbox rows are transient (pruned daily) and carry transaction ids of the old cluster; a restored hub starts clean. */
export const SKIPPED_TABLES = new Set(['live_events']);

export function keyFingerprint(dataKey: string): string {
  return crypto.createHmac('sha256', dataKey).update('gridhive backup key fingerprint v1').digest('hex').slice(0, 32);
}

type Queryable = Pick<pg.ClientBase, 'query'>;

/** The applied migrations of every journal, for the header and for the check before a restore. */
export async function migrationState(client: Queryable): Promise<Record<string, string[]>> {
  const { rows: tables } = await client.query<{ table_name: string }>(
    `select table_name from information_schema.tables where table_schema = 'drizzle' order by table_name`,
  );
  const state: Record<string, string[]> = {};
  for (const { table_name } of tables) {
    const { rows } = await client.query<{ hash: string }>(`select hash from drizzle."${table_name}" order by id`);
    state[table_name] = rows.map((r) => r.hash);
  }
  return state;
}

/** The application's tables (partitions are read through their parent). */
export async function publicTables(client: Queryable): Promise<string[]> {
  const { rows } = await client.query<{ relname: string }>(`
    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by c.relname`);
  return rows.map((r) => r.relname);
}

/** Refusal of a backup file or a restore target: said in Chinese, exit code 1, nothing changed. */
export class BackupRefused extends Error {}
