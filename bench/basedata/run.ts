import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { AppDeps } from '../../server/app-deps.ts';
import type { Actor } from '../../server/platform/auth/actor.ts';
import type { Db } from '../../server/platform/db/open.ts';
import { imports } from '../../server/modules/people/schema.ts';
import { runImport } from '../../server/modules/people/import/run-import.ts';
import { KINDS } from '../../server/modules/people/import/kinds/index.ts';
import { suggestMapping } from '../../server/modules/people/import/mapping.ts';
import { readHeaders } from '../../server/platform/spreadsheet/read-rows.ts';
import type { ImportKind } from '../../contracts/people.ts';
import { timed } from './measure.ts';

export const ADMIN: Actor = { userId: 0, username: 'bench', displayName: '压测', role: 'district_admin', scopeNodeId: 1, scopePath: '/1/', departmentId: null };

/** Imports one file through the same code the background job runs (mapping → validate → upsert → checkpoint). */
export async function importFile(deps: AppDeps, db: Db, kind: ImportKind, file: string, batchRows: number) {
  const headers = await readHeaders(file, 'csv');
  const mapping = await suggestMapping(db, kind, headers, KINDS[kind].fields);
  const [row] = await db.insert(imports).values({ kind, fileName: file, storedPath: file, format: 'csv', headers, mapping, state: 'queued', createdBy: 0, actor: ADMIN, scopePath: '/1/' }).returning();
  const { ms } = await timed(() => runImport(deps, db, row!.id, async () => {}, batchRows));
  const [done] = await db.select().from(imports).where((await import('drizzle-orm')).eq(imports.id, row!.id));
  return { ms, ok: done!.okRows, errors: done!.errorRows };
}

/**
 * COPY of the same rows: the imported residents table is copied out to a file, then COPY'd into
 * an identical table (same columns and indexes) — the database's own bulk-load ceiling for exactly
 * the rows the import wrote.
 */
export async function copySameRows(pool: pg.Pool, dumpFile: string) {
  const client = await pool.connect();
  try {
    await pipeline(client.query(copyTo('copy people_residents to stdout')), fs.createWriteStream(dumpFile));
    await client.query('create table people_residents_copy (like people_residents including all)');
    const { ms } = await timed(() => pipeline(fs.createReadStream(dumpFile), client.query(copyFrom('copy people_residents_copy from stdin'))));
    const rows = Number((await client.query('select count(*) as n from people_residents_copy')).rows[0].n);
    return { ms, rows };
  } finally {
    client.release();
  }
}
