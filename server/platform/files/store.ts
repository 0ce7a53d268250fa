import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import type { Db } from '../db/open.ts';
import { AppError } from '../errors.ts';

/** Bytes per chunk row: small enough that a read or write holds little memory, large enough to be few rows. */
export const CHUNK_BYTES = 256 * 1024;

export interface StoredFileInfo { id: number; key: string; bytes: number; sha256: string | null; mime: string }

/**
 * The file store every instance shares (photos, attachments, uploaded import files). Files live
 * in PostgreSQL (`stored_files` + `stored_file_chunks`, embedded or real), so any instance reads
 * what another wrote; writes and reads stream chunk by chunk, so memory stays flat for big files.
 */
export interface FileStore {
  /** Stores `source` under `key`, replacing a previous file of that key only once every byte is in. */
  put(key: string, source: Readable | Buffer, options?: { mime?: string; createdBy?: number | null }): Promise<StoredFileInfo>;
  stat(key: string): Promise<StoredFileInfo | null>;
  /** A stream of the file's bytes; NOT_FOUND when no complete file has that key. */
  open(key: string): Promise<{ info: StoredFileInfo; stream: Readable }>;
  read(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

/** Turns any sequence of buffers into CHUNK_BYTES pieces (the last may be shorter). */
async function* rechunk(source: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let size = 0;
  for await (const piece of source) {
    let buf = typeof piece === 'string' ? Buffer.from(piece) : piece;
    while (buf.length) {
      const take = Math.min(CHUNK_BYTES - size, buf.length);
      pending.push(buf.subarray(0, take));
      size += take;
      buf = buf.subarray(take);
      if (size === CHUNK_BYTES) {
        yield Buffer.concat(pending);
        pending = [];
        size = 0;
      }
    }
  }
  if (size) yield Buffer.concat(pending);
}

/** The database is unreachable or refused the write: a 503 the operator can act on, nothing half-written visible. */
function storeUnavailable(error: unknown): AppError {
  if (error instanceof AppError) return error;
  console.error('文件存储出错：', error instanceof Error ? error.message : error);
  return new AppError('STORE_UNAVAILABLE');
}

interface InfoRow { id: number; key: string; bytes: number; sha256: string | null; mime: string }

export function pgFileStore(db: Db): FileStore {
  const pool = db.$client;
  const stat = async (key: string): Promise<StoredFileInfo | null> => {
    const { rows } = await pool.query<InfoRow>('select id, key, bytes, sha256, mime from stored_files where key = $1 and complete', [key]);
    return rows[0] ?? null;
  };
  return {
    async put(key, source, options = {}) {
      let id: number | null = null;
      try {
        const { rows } = await pool.query<{ id: number }>('insert into stored_files (key, mime, backend, created_by) values ($1, $2, $3, $4) returning id', [key, options.mime ?? 'application/octet-stream', 'pg', options.createdBy ?? null]);
        id = rows[0]!.id;
        const hash = crypto.createHash('sha256');
        let bytes = 0;
        let seq = 0;
        const input = Buffer.isBuffer(source) ? [source] : source;
        // One chunk in flight at a time: the source is read only as fast as the database takes it.
        for await (const chunk of rechunk(input as AsyncIterable<Buffer>)) {
          hash.update(chunk);
          bytes += chunk.length;
          await pool.query('insert into stored_file_chunks (file_id, seq, data) values ($1, $2, $3)', [id, seq++, chunk]);
        }
        // The swap is one statement pair in one transaction: readers see the old file or the new one.
        const client = await pool.connect();
        try {
          await client.query('begin');
          await client.query('delete from stored_files where key = $1 and complete', [key]);
          await client.query('update stored_files set complete = true, bytes = $2, sha256 = $3 where id = $1', [id, bytes, hash.digest('hex')]);
          await client.query('commit');
        } catch (error) {
          await client.query('rollback').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
        return (await stat(key))!;
      } catch (error) {
        if (id !== null) await pool.query('delete from stored_files where id = $1 and not complete', [id]).catch(() => undefined);
        throw storeUnavailable(error);
      }
    },
    async stat(key) {
      try {
        return await stat(key);
      } catch (error) {
        throw storeUnavailable(error);
      }
    },
    async open(key) {
      const info = await this.stat(key);
      if (!info) throw new AppError('NOT_FOUND', { message: '文件不存在' });
      async function* chunks(): AsyncGenerator<Buffer> {
        let seq = 0;
        let seen = 0;
        for (;;) {
          // Four chunks (1 MiB) per round trip.
          const { rows } = await pool.query<{ seq: number; data: Buffer }>('select seq, data from stored_file_chunks where file_id = $1 and seq >= $2 order by seq limit 4', [info!.id, seq]);
          if (!rows.length) break;
          for (const row of rows) {
            seen += row.data.length;
            yield row.data;
            seq = row.seq + 1;
          }
        }
        // A file replaced while it was read loses its chunks: say so rather than send a short file.
        if (seen !== info!.bytes) throw new Error(`文件 ${key} 读取不完整（${seen}/${info!.bytes} 字节）`);
      }
      return { info, stream: Readable.from(chunks(), { objectMode: false }) };
    },
    async read(key) {
      const { stream } = await this.open(key);
      const parts: Buffer[] = [];
      try {
        for await (const part of stream) parts.push(part as Buffer);
      } catch (error) {
        throw storeUnavailable(error);
      }
      return Buffer.concat(parts);
    },
    async delete(key) {
      try {
        await pool.query('delete from stored_files where key = $1', [key]);
      } catch (error) {
        throw storeUnavailable(error);
      }
    },
  };
}

/** Uploads that never finished (killed process, dropped connection) older than a day. */
export async function sweepIncompleteFiles(db: Db): Promise<number> {
  const { rowCount } = await db.$client.query(`delete from stored_files where not complete and created_at < now() - interval '1 day'`);
  return rowCount ?? 0;
}
