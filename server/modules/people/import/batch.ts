import { setImmediate } from 'node:timers/promises';
import { and, eq, sql } from 'drizzle-orm';
import type { ImportKind } from '../../../../contracts/people.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { importErrors, imports } from '../schema.ts';
import { isErrors, type ImportContext } from './kind.ts';
import { KINDS } from './kinds/index.ts';
import type { SourceRow } from '../../../platform/spreadsheet/read-rows.ts';

export type ImportRow = typeof imports.$inferSelect;
const YIELD_EVERY = 250;
export interface PreparedBatch {
  from: number;
  to: number;
  good: unknown[];
  errors: (typeof importErrors.$inferInsert)[];
  rows: number;
}

/**
 * Maps, looks up and validates one batch — no transaction. Node lookups read the pool (so they
 * must not run inside a transaction on embedded PGlite), and keeping this CPU work outside the
 * write lets the next batch be prepared while PostgreSQL commits the previous one.
 */
export async function prepareBatch(
  db: Db,
  imp: ImportRow,
  ctx: ImportContext,
  from: number,
  batch: SourceRow[],
): Promise<PreparedBatch> {
  const spec = KINDS[imp.kind as ImportKind];
  const mapping = imp.mapping ?? {};
  const columns = imp.headers.map((h) => mapping[h] ?? null);
  const headerOf = new Map(Object.entries(mapping).map(([h, f]) => [f, h]));
  const records = batch.map((r) => {
    const rec: Record<string, string> = {};
    columns.forEach((field, i) => {
      if (field) rec[field] = r.cells[i] ?? '';
    });
    return rec;
  });
  const lookup = await spec.lookup(db, records, ctx);
  const good: unknown[] = [];
  const errors: PreparedBatch['errors'] = [];
  for (let i = 0; i < records.length; i++) {
    // Validation and encryption take ~0.1 ms a row. Yielding every few hundred rows lets the commit
    // of the previous batch send its next statement at once instead of after the whole batch.
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await setImmediate();
    const result = spec.validate(records[i]!, lookup, ctx);
    if (!isErrors(result)) {
      good.push(result);
      continue;
    }
    const seen = new Set<string>();
    for (const e of result) {
      const column = headerOf.get(e.field) ?? spec.fields.find((f) => f.field === e.field)?.label ?? e.field;
      if (seen.has(column)) continue; // one reason per cell: the first rule it broke
      seen.add(column);
      errors.push({ importId: imp.id, rowNo: batch[i]!.rowNo, columnName: column, value: e.value, reason: e.reason });
    }
  }
  return { from, to: batch[batch.length - 1]!.rowNo, good, errors, rows: batch.length };
}

/**
 * Writes one prepared batch: valid rows upserted, invalid cells into the error report, and the
 * checkpoint (last row number of the batch) — all in ONE transaction, so a kill at any moment
 * leaves either the whole batch with its checkpoint or none of it. The `checkpoint_row = from`
 * guard refuses a batch if another worker (after a lease expiry) already moved the import on.
 */
export async function commitBatch(
  db: Db,
  imp: ImportRow,
  ctx: ImportContext,
  b: PreparedBatch,
): Promise<{ ok: number; bad: number }> {
  return withTx(db, async (tx) => {
    await KINDS[imp.kind as ImportKind].write(tx, b.good, ctx);
    if (b.errors.length) await tx.insert(importErrors).values(b.errors);
    const bad = b.rows - b.good.length;
    const moved = await tx
      .update(imports)
      .set({
        checkpointRow: b.to,
        okRows: sql`${imports.okRows} + ${b.good.length}`,
        errorRows: sql`${imports.errorRows} + ${bad}`,
      })
      .where(and(eq(imports.id, imp.id), eq(imports.checkpointRow, b.from)))
      .returning({ id: imports.id });
    if (!moved.length) throw new Error(`导入 ${imp.id} 已被另一个进程推进，放弃本批`);
    await recordAudit(tx, ctx.actor, {
      action: `people.import.${imp.kind}`,
      targetType: 'people_import',
      targetId: imp.id,
      scopePath: imp.scopePath,
      summary: { rows: [b.from + 1, b.to], written: b.good.length, rejected: bad },
    });
    return { ok: b.good.length, bad };
  });
}
