import crypto from 'node:crypto';
import fs from 'node:fs';
import { once } from 'node:events';
import zlib from 'node:zlib';
import type { S3Settings } from '../config.ts';
import type { Db } from '../db/open.ts';
import { s3Bytes } from '../files/s3-bytes.ts';
import { rechunk } from '../files/store.ts';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupHeader,
  keyFingerprint,
  migrationState,
  publicTables,
  SKIPPED_TABLES,
} from './format.ts';

/** Rows per FETCH: file chunks are ~256 KiB each (twice that as hex), so they come a few at a time. */
const FETCH_ROWS: Record<string, number> = { stored_file_chunks: 8 };

export interface BackupSummary {
  file: string;
  bytes: number;
  tables: Record<string, number>;
  seconds: number;
}

/**
 * Writes the whole database — every table, the shared file store included — from ONE snapshot
 * (a REPEATABLE READ, READ ONLY transaction), so it is consistent while the server keeps writing.
 * The file appears under its name only when complete (written as FILE.part, then renamed).
 */
export async function writeBackup(
  db: Db,
  options: {
    file: string;
    dataKey: string;
    database: BackupHeader['database'];
    s3?: S3Settings | null;
    progress?: (line: string) => void;
  },
): Promise<BackupSummary> {
  const started = Date.now();
  const progress = options.progress ?? (() => {});
  const partial = `${options.file}.part`;
  const out = fs.createWriteStream(partial);
  const gzip = zlib.createGzip({ level: 6 });
  gzip.pipe(out);
  const hash = crypto.createHash('sha256');
  const write = async (line: string) => {
    hash.update(line);
    if (!gzip.write(line)) await once(gzip, 'drain');
  };
  const client = await db.$client.connect();
  const tables: Record<string, number> = {};
  try {
    await client.query('begin isolation level repeatable read read only');
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      keyFingerprint: keyFingerprint(options.dataKey),
      migrations: await migrationState(client),
      database: options.database,
    };
    await write(`H ${JSON.stringify(header)}\n`);
    const names = (await publicTables(client)).filter((t) => !SKIPPED_TABLES.has(t));
    let lastReport = Date.now();
    for (const [i, table] of names.entries()) {
      await write(`T ${JSON.stringify({ table })}\n`);
      await client.query(`declare backup_rows no scroll cursor for select to_jsonb(t)::text as r from "${table}" t`);
      let count = 0;
      for (;;) {
        const { rows } = await client.query<{ r: string }>(`fetch ${FETCH_ROWS[table] ?? 1000} from backup_rows`);
        if (!rows.length) break;
        for (const row of rows) await write(`R ${row.r}\n`);
        count += rows.length;
        if (Date.now() - lastReport > 2000) {
          lastReport = Date.now();
          progress(`  ${table}：已读 ${count} 行`);
        }
      }
      await client.query('close backup_rows');
      tables[table] = count;
      progress(`[${i + 1}/${names.length}] ${table}：${count} 行`);
    }
    const { rows: sequences } = await client.query<{ name: string; value: number | null }>(
      `select sequencename as name, last_value as value from pg_sequences where schemaname = 'public' order by sequencename`,
    );
    await write(`S ${JSON.stringify(sequences)}\n`);
    // Bytes kept in object storage are not in any table: each such file follows as F + B lines
    // (objects are never overwritten, so reading them after the snapshot gives the snapshot's bytes).
    const { rows: objects } = await client.query<{ id: number; bytes: number }>(
      `select id, bytes from stored_files where complete and backend = 's3' order by id`,
    );
    if (objects.length && !options.s3)
      throw new Error(`有 ${objects.length} 个文件存放在对象存储中，但未配置对象存储（GH_S3_BUCKET），无法备份`);
    for (const [i, object] of objects.entries()) {
      await write(`F ${JSON.stringify(object)}\n`);
      for await (const chunk of rechunk(s3Bytes(options.s3!).read(object.id)))
        await write(`B ${chunk.toString('base64')}\n`);
      if ((i + 1) % 100 === 0 || i + 1 === objects.length) progress(`对象存储文件：${i + 1}/${objects.length}`);
    }
    await client.query('commit');
    gzip.end(
      `Z ${JSON.stringify({ sha256: hash.digest('hex'), tables, sequences: sequences.length, objects: objects.length })}\n`,
    );
    await once(out, 'close');
    fs.renameSync(partial, options.file);
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    gzip.destroy();
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    client.release();
  }
  return { file: options.file, bytes: fs.statSync(options.file).size, tables, seconds: (Date.now() - started) / 1000 };
}
