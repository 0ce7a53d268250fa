import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import type { Db } from '../db/open.ts';
import { AppError } from '../errors.ts';

/** Bytes per chunk row: small enough that a read or write holds little memory, large enough to be few rows. */
export const CHUNK_BYTES = 256 * 1024;

export interface StoredFileInfo {
  id: number;
  key: string;
  bytes: number;
  sha256: string | null;
  mime: string;
}

/**
 * The file store every instance shares (photos, attachments, uploaded import files). Files live
 * in PostgreSQL (`stored_files` + `stored_file_chunks`, embedded or real), so any instance reads
 * what another wrote; writes and reads stream chunk by chunk, so memory stays flat for big files.
 */
export interface FileStore {
  /** Stores `source` under `key`, replacing a previous file of that key only once every byte is in. */
  put(
    key: string,
    source: Readable | Buffer,
    options?: { mime?: string; createdBy?: number | null },
  ): Promise<StoredFileInfo>;
  stat(key: string): Promise<StoredFileInfo | null>;
  /** A stream of the file's bytes; NOT_FOUND when no complete file has that key. */
  open(key: string): Promise<{ info: StoredFileInfo; stream: Readable }>;
  read(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

/** Turns any sequence of buffers into CHUNK_BYTES pieces (the last may be shorter). */
export async function* rechunk(source: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
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

interface InfoRow {
  id: number;
  key: string;
  bytes: number;
  sha256: string | null;
  mime: string;
  backend: 'pg' | 's3';
}

/** Where a file's bytes go; the metadata (and the all-or-nothing swap) is always the stored_files row. */
export interface ByteBackend {
  name: 'pg' | 's3';
  /** Writes the bytes of file row `id`; returns how many. */
  write(id: number, source: AsyncIterable<Buffer>): Promise<number>;
  read(id: number): AsyncIterable<Buffer>;
  /** Drops the bytes of a row already deleted (chunk rows go with their file row by cascade). */
  remove(id: number): Promise<void>;
}

export function pgBytes(db: Db): ByteBackend {
  const pool = db.$client;
  return {
    name: 'pg',
    async write(id, source) {
      let bytes = 0;
      let seq = 0;
      // One chunk in flight at a time: the source is read only as fast as the database takes it.
      for await (const chunk of rechunk(source)) {
        bytes += chunk.length;
        await pool.query('insert into stored_file_chunks (file_id, seq, data) values ($1, $2, $3)', [id, seq++, chunk]);
      }
      return bytes;
    },
    async *read(id) {
      let seq = 0;
      for (;;) {
        // Four chunks (1 MiB) per round trip.
        const { rows } = await pool.query<{ seq: number; data: Buffer }>(
          'select seq, data from stored_file_chunks where file_id = $1 and seq >= $2 order by seq limit 4',
          [id, seq],
        );
        if (!rows.length) return;
        for (const row of rows) {
          yield row.data;
          seq = row.seq + 1;
        }
      }
    },
    async remove() {},
  };
}

/**
 * The store over the stored_files rows. New files go to `writeTo`; a file is read from the backend
 * its row names, so files written before object storage was configured stay readable.
 */
export function databaseFileStore(db: Db, writeTo: ByteBackend): FileStore {
  const pool = db.$client;
  const backends: Partial<Record<ByteBackend['name'], ByteBackend>> = { pg: pgBytes(db), [writeTo.name]: writeTo };
  const stat = async (key: string): Promise<InfoRow | null> => {
    const { rows } = await pool.query<InfoRow>(
      'select id, key, bytes, sha256, mime, backend from stored_files where key = $1 and complete',
      [key],
    );
    return rows[0] ?? null;
  };
  const publicInfo = ({ backend: _b, ...info }: InfoRow): StoredFileInfo => info;
  return {
    async put(key, source, options = {}) {
      let id: number | null = null;
      try {
        const { rows } = await pool.query<{ id: number }>(
          'insert into stored_files (key, mime, backend, created_by) values ($1, $2, $3, $4) returning id',
          [key, options.mime ?? 'application/octet-stream', writeTo.name, options.createdBy ?? null],
        );
        id = rows[0]!.id;
        const hash = crypto.createHash('sha256');
        const input = (Buffer.isBuffer(source) ? [source] : source) as AsyncIterable<Buffer | string>;
        async function* hashed() {
          for await (const piece of input) {
            const buf = typeof piece === 'string' ? Buffer.from(piece) : piece;
            hash.update(buf);
            yield buf;
          }
        }
        const bytes = await writeTo.write(id, hashed());
        // The swap is one transaction: readers see the old file or the new one, never a part.
        const client = await pool.connect();
        let replaced: InfoRow[] = [];
        try {
          await client.query('begin');
          replaced = (
            await client.query<InfoRow>('delete from stored_files where key = $1 and complete returning id, backend', [
              key,
            ])
          ).rows;
          await client.query('update stored_files set complete = true, bytes = $2, sha256 = $3 where id = $1', [
            id,
            bytes,
            hash.digest('hex'),
          ]);
          await client.query('commit');
        } catch (error) {
          await client.query('rollback').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
        for (const old of replaced) await backends[old.backend]?.remove(old.id).catch(() => undefined);
        return publicInfo((await stat(key))!);
      } catch (error) {
        if (id !== null) {
          await pool.query('delete from stored_files where id = $1 and not complete', [id]).catch(() => undefined);
          await writeTo.remove(id).catch(() => undefined);
        }
        throw storeUnavailable(error);
      }
    },
    async stat(key) {
      try {
        const info = await stat(key);
        return info && publicInfo(info);
      } catch (error) {
        throw storeUnavailable(error);
      }
    },
    async open(key) {
      let info: InfoRow | null;
      try {
        info = await stat(key);
      } catch (error) {
        throw storeUnavailable(error);
      }
      if (!info) throw new AppError('NOT_FOUND', { message: '文件不存在' });
      const backend = backends[info.backend];
      if (!backend)
        throw new AppError('STORE_UNAVAILABLE', {
          message: `文件 ${key} 存放在对象存储中，但本实例未配置对象存储（GH_S3_BUCKET）`,
        });
      const found = info;
      async function* checked(): AsyncGenerator<Buffer> {
        let seen = 0;
        for await (const part of backend!.read(found.id)) {
          seen += part.length;
          yield part;
        }
        // A file replaced while it was read loses its bytes: say so rather than send a short file.
        if (seen !== found.bytes) throw new Error(`文件 ${key} 读取不完整（${seen}/${found.bytes} 字节）`);
      }
      // The first piece is fetched before answering, so an unreachable store is a 503, not a cut-off body.
      const iterator = checked();
      let first: IteratorResult<Buffer>;
      try {
        first = await iterator.next();
      } catch (error) {
        throw storeUnavailable(error);
      }
      async function* all() {
        if (!first.done) yield first.value;
        yield* { [Symbol.asyncIterator]: () => iterator };
      }
      return { info: publicInfo(found), stream: Readable.from(all(), { objectMode: false }) };
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
        const { rows } = await pool.query<InfoRow>('delete from stored_files where key = $1 returning id, backend', [
          key,
        ]);
        for (const old of rows) await backends[old.backend]?.remove(old.id).catch(() => undefined);
      } catch (error) {
        throw storeUnavailable(error);
      }
    },
  };
}

export function pgFileStore(db: Db): FileStore {
  return databaseFileStore(db, pgBytes(db));
}

/** Uploads that never finished (killed process, dropped connection) older than a day. */
export async function sweepIncompleteFiles(db: Db): Promise<number> {
  const { rowCount } = await db.$client.query(
    `delete from stored_files where not complete and created_at < now() - interval '1 day'`,
  );
  return rowCount ?? 0;
}
