import { eq, sql } from 'drizzle-orm';
import type { AppDeps } from '../../../app-deps.ts';
import type { Db } from '../../../platform/db/open.ts';
import { fileStore } from '../../../platform/files/index.ts';
import type { JobHandler } from '../../../platform/jobs/queue.ts';
import { districtCodeOf, gridLocatorFor } from '../org-refs.ts';
import { createPiiCodec } from '../pii.ts';
import { activeCareTags } from '../care-tags.ts';
import { imports } from '../schema.ts';
import type { ImportContext } from './kind.ts';
import { commitBatch, prepareBatch } from './batch.ts';
import { readRows, type SourceFormat, type SourceRow } from '../../../platform/spreadsheet/read-rows.ts';

export const IMPORT_JOB = 'people.import';
/**
 * Rows per transaction: large enough that the per-batch costs (lookup query, staging, checkpoint,
 * audit row, commit) vanish against the rows, small enough to lose little on a kill and to keep a
 * batch's values a few MB.
 */
export const DEFAULT_BATCH_ROWS = 5000;

/** Runs (or resumes) one import from its checkpoint to the end of the file. */
export async function runImport(
  deps: AppDeps,
  db: Db,
  importId: number,
  report: (p: Record<string, unknown>) => Promise<void>,
  batchRows = DEFAULT_BATCH_ROWS,
): Promise<void> {
  const [imp] = await db.select().from(imports).where(eq(imports.id, importId));
  if (!imp || imp.state === 'done') return;
  // stored_path is the file's key in the shared store, so a worker on any instance finds it.
  const files = fileStore(deps);
  const stored = await files.stat(imp.storedPath);
  if (!stored) {
    await db
      .update(imports)
      .set({ state: 'failed', finishedAt: sql`now()` })
      .where(eq(imports.id, importId));
    return;
  }
  await db.update(imports).set({ state: 'running' }).where(eq(imports.id, importId));
  const locator = await gridLocatorFor(db, imp.scopePath);
  const ctx: ImportContext = {
    actor: imp.actor,
    codec: createPiiCodec(deps.config.dataKey),
    scopePath: imp.scopePath,
    careTags: await activeCareTags(db),
    districtCode: await districtCodeOf(db, imp.scopePath),
    locate: (lng, lat) => locator.locate(lng, lat),
  };
  const size = Math.max(1, stored.bytes);
  let bytes = 0;
  let checkpoint = imp.checkpointRow;
  let counts = { ok: imp.okRows, bad: imp.errorRows };
  let batch: SourceRow[] = [];
  // One commit in flight while the next batch is read and validated; commits stay in file order.
  let committing: Promise<void> = Promise.resolve();
  let prepareFrom = checkpoint;
  const flush = async () => {
    const prepared = await prepareBatch(db, imp, ctx, prepareFrom, batch);
    prepareFrom = prepared.to;
    batch = [];
    await committing;
    committing = commitBatch(db, imp, ctx, prepared).then(async (done) => {
      checkpoint = prepared.to;
      counts = { ok: counts.ok + done.ok, bad: counts.bad + done.bad };
      await report({
        checkpointRow: checkpoint,
        okRows: counts.ok,
        errorRows: counts.bad,
        fraction: Math.min(1, bytes / size),
      });
    });
    committing.catch(() => {}); // awaited at the next flush or the end; this only silences the interim
  };
  let header = true;
  for await (const row of readRows((await files.open(imp.storedPath)).stream, imp.format as SourceFormat, (n) => {
    bytes = n;
  })) {
    if (header) {
      header = false;
      continue;
    }
    if (row.rowNo <= checkpoint) continue; // committed before a kill
    batch.push(row);
    if (batch.length >= batchRows) await flush();
  }
  if (batch.length) await flush();
  await committing;
  await db
    .update(imports)
    .set({ state: 'done', finishedAt: sql`now()` })
    .where(eq(imports.id, importId));
  // The error report lives in the database; the uploaded personal data need not outlive the import.
  await files.delete(imp.storedPath);
  await report({ checkpointRow: checkpoint, okRows: counts.ok, errorRows: counts.bad, fraction: 1 });
}

export function importJobs(deps: AppDeps, options: { batchRows?: number } = {}): Record<string, JobHandler> {
  return {
    [IMPORT_JOB]: async ({ db, job, reportProgress }) => {
      await runImport(deps, db, Number(job.payload.importId), reportProgress, options.batchRows ?? DEFAULT_BATCH_ROWS);
    },
  };
}
