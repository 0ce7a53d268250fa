import type { Config } from '../config.ts';
import type { Db } from '../db/open.ts';
import { pgFileStore, type FileStore } from './store.ts';

export type { FileStore, StoredFileInfo } from './store.ts';

/** The file store for this install: PostgreSQL (embedded or real), shared by every instance. */
export function fileStore(deps: { config: Config; db: Db }): FileStore {
  return pgFileStore(deps.db);
}
