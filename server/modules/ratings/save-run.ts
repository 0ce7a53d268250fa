import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Tx } from '../../platform/db/tx.ts';
import { ratingResults, ratingRuns, type RatingKind } from './schema.ts';

export interface RunResult {
  subjectKind: 'branch' | 'property_company' | 'department';
  subjectId: number;
  subjectName: string;
  subjectPath: string;
  inputs: object;
  score: number;
  outcome: string;
}

/** Stores one computation with its formula and every result with the inputs it came from. */
export async function saveRun(
  tx: Tx,
  actor: Actor,
  run: {
    kind: RatingKind;
    period: string;
    street: { id: number; path: string };
    formula: { version: string; text: string };
  },
  results: RunResult[],
) {
  const [row] = await tx
    .insert(ratingRuns)
    .values({
      kind: run.kind,
      period: run.period,
      streetId: run.street.id,
      scopePath: run.street.path,
      formulaVersion: run.formula.version,
      formula: run.formula.text,
      createdBy: actor.userId,
    })
    .returning();
  if (results.length)
    await tx
      .insert(ratingResults)
      .values(results.map((r) => ({ ...r, inputs: r.inputs as Record<string, unknown>, runId: row!.id })));
  await recordAudit(tx, actor, {
    action: `ratings.compute.${run.kind}`,
    targetType: 'rating_run',
    targetId: row!.id,
    scopePath: run.street.path,
    summary: { period: run.period, results: results.length },
  });
  return row!;
}

export function yearRange(year: number): { from: Date; to: Date } {
  return { from: new Date(`${year}-01-01T00:00:00+08:00`), to: new Date(`${year + 1}-01-01T00:00:00+08:00`) };
}

export function monthRange(month: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: new Date(`${month}-01T00:00:00+08:00`), to: new Date(`${next}-01T00:00:00+08:00`) };
}
