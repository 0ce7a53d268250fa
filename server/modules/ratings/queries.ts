import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import {
  departmentScore,
  propertyScore,
  starScore,
  type DepartmentInputs,
  type PropertyInputs,
  type StarInputs,
} from './formulas.ts';
import { ratingResults, ratingRuns, type RatingKind, type RatingResultRow } from './schema.ts';

/** Recomputes a stored result from its stored inputs with the formula of its kind. */
export function recompute(kind: RatingKind, inputs: unknown): { score: number; outcome: string } {
  if (kind === 'branch_star') {
    const r = starScore(inputs as StarInputs);
    return { score: r.score, outcome: String(r.stars) };
  }
  if (kind === 'property_month') {
    const r = propertyScore(inputs as PropertyInputs);
    return { score: r.score, outcome: r.colour };
  }
  const r = departmentScore(inputs as DepartmentInputs);
  return { score: r.score, outcome: r.grade };
}

export async function runsList(db: Queryable, where: SQL | undefined) {
  return db.select().from(ratingRuns).where(where).orderBy(desc(ratingRuns.createdAt), desc(ratingRuns.id)).limit(200);
}

export async function runResults(db: Queryable, runId: number, kind: RatingKind) {
  const rows = await db
    .select()
    .from(ratingResults)
    .where(eq(ratingResults.runId, runId))
    .orderBy(desc(ratingResults.score), asc(ratingResults.subjectId));
  return rows.map((r: RatingResultRow) => {
    const again = recompute(kind, r.inputs);
    return { ...r, reproduced: again.score === r.score && again.outcome === r.outcome };
  });
}

/** The latest run of a kind for a street (what the published list shows). */
export async function latestRun(db: Queryable, kind: RatingKind, streetIds: number[]) {
  const [run] = await db
    .select()
    .from(ratingRuns)
    .where(and(eq(ratingRuns.kind, kind), inArray(ratingRuns.streetId, streetIds)))
    .orderBy(desc(ratingRuns.id))
    .limit(1);
  return run ?? null;
}
