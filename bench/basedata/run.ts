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
import { pgFileStore } from '../../server/platform/files/store.ts';

export const ADMIN: Actor = {
  userId: 0,
  username: 'bench',
  displayName: '压测',
  role: 'district_admin',
  scopeNodeId: 1,
  scopePath: '/1/',
  departmentId: null,
  restriction: null,
};

/** Imports one file through the same code the background job runs (mapping → validate → upsert → checkpoint). */
export async function importFile(deps: AppDeps, db: Db, kind: ImportKind, file: string, batchRows: number) {
  const headers = await readHeaders(file, 'csv');
  const mapping = await suggestMapping(db, kind, headers, KINDS[kind].fields);
  // The job reads its file from the shared store, as it does when a user uploads one (the bench's timing starts after).
  const key = `imports/people/bench-${Date.now()}.csv`;
  await pgFileStore(db).put(key, fs.createReadStream(file));
  const [row] = await db
    .insert(imports)
    .values({
      kind,
      fileName: file,
      storedPath: key,
      format: 'csv',
      headers,
      mapping,
      state: 'queued',
      createdBy: 0,
      actor: ADMIN,
      scopePath: '/1/',
    })
    .returning();
  const { ms } = await timed(() => runImport(deps, db, row!.id, async () => {}, batchRows));
  const [done] = await db
    .select()
    .from(imports)
    .where((await import('drizzle-orm')).eq(imports.id, row!.id));
  return { ms, ok: done!.okRows, errors: done!.errorRows };
}

/**
 * COPY of the same rows: the imported residents table is copied out to a file, then COPY'd into
 * an identical table (same columns and indexes) — the database's own bulk-load ceiling for exactly
 * the rows the import wrote. The same file is then COPY'd into a table with only the primary key and
 * the upsert key (unique identity-number hash): the ceiling of ANY import that can re-run
 * idempotently, whatever search and list indexes it gave up. When even that is below a target, no
 * import path can meet the target on this machine.
 */
export async function copySameRows(pool: pg.Pool, dumpFile: string) {
  const client = await pool.connect();
  try {
    await pipeline(client.query(copyTo('copy people_residents to stdout')), fs.createWriteStream(dumpFile));
    const copyInto = async (table: string) => {
      await client.query('checkpoint');
      const { ms } = await timed(() =>
        pipeline(fs.createReadStream(dumpFile), client.query(copyFrom(`copy ${table} from stdin`))),
      );
      const rows = Number((await client.query(`select count(*) as n from ${table}`)).rows[0].n);
      await client.query(`drop table ${table}`);
      return { ms, rows };
    };
    await client.query('create table people_residents_copy (like people_residents including all)');
    const same = await copyInto('people_residents_copy');
    await client.query('create table people_residents_keys (like people_residents including defaults)');
    await client.query('alter table people_residents_keys add primary key (id)');
    await client.query('create unique index on people_residents_keys (id_hash)');
    const keysOnly = await copyInto('people_residents_keys');
    return { ...same, keysOnly };
  } finally {
    client.release();
  }
}
