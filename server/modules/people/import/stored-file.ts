import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/open.ts';
import { imports } from '../schema.ts';

export const UPLOAD_MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
} as const;

/** An uploaded import file's key in the shared file store (`imports.stored_path` holds it). */
export function importFileKey(id: string, format: keyof typeof UPLOAD_MIME): string {
  return `imports/people/${id}.${format}`;
}

/**
 * Called for each file moved from DATA_DIR/uploads into the store at start-up: an import uploaded
 * before the store existed recorded its absolute path; from now on it names the store key.
 */
export async function relinkImportFile(db: Db, diskPath: string, key: string): Promise<void> {
  await db
    .update(imports)
    .set({ storedPath: key })
    .where(eq(imports.storedPath, path.resolve(diskPath)));
}
