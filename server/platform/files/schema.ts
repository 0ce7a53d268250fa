import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * The shared file store (photos, attachments, uploaded import files): every instance reads the
 * same rows, so a file uploaded through one instance is served by any other. A file is written
 * chunk by chunk with `complete = false` and becomes visible under its key only when the last
 * chunk is in (one short transaction swaps it in): a killed upload never leaves half a file.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Caller's name for the file, e.g. 'cases/ab/ab12….jpeg' or 'imports/people/<uuid>.xlsx'. */
    key: text('key').notNull(),
    bytes: bigint('bytes', { mode: 'number' }).notNull().default(0),
    sha256: text('sha256'),
    mime: text('mime').notNull().default('application/octet-stream'),
    /** 'pg': chunks in stored_file_chunks; 's3': the object of the same key in the configured bucket. */
    backend: text('backend').$type<'pg' | 's3'>().notNull().default('pg'),
    complete: boolean('complete').notNull().default(false),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One complete file per key; unfinished uploads may coexist with it until they finish or are swept.
    uniqueIndex('stored_files_key_uq')
      .on(t.key)
      .where(sql`complete`),
    index('stored_files_incomplete_idx')
      .on(t.createdAt)
      .where(sql`not complete`),
  ],
);

/** A PostgreSQL-held file's bytes, in chunks of at most 256 KiB so reads and writes stream. */
export const storedFileChunks = pgTable(
  'stored_file_chunks',
  {
    fileId: bigint('file_id', { mode: 'number' })
      .notNull()
      .references(() => storedFiles.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.seq] })],
);
