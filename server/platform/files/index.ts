import type { Config } from '../config.ts';
import type { Db } from '../db/open.ts';
import { s3Bytes } from './s3-bytes.ts';
import { databaseFileStore, pgBytes, type FileStore } from './store.ts';

export type { FileStore, StoredFileInfo } from './store.ts';

/**
 * The file store for this install, shared by every instance: metadata always in PostgreSQL; bytes
 * in PostgreSQL too (default, embedded included) or in S3-compatible object storage when
 * GH_S3_BUCKET is set.
 */
export function fileStore(deps: { config: Config; db: Db }): FileStore {
  return databaseFileStore(deps.db, deps.config.s3 ? s3Bytes(deps.config.s3) : pgBytes(deps.db));
}
