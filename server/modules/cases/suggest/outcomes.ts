import { and, eq, gte, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/open.ts';
import type { Queryable, Tx } from '../../../platform/db/tx.ts';
import { underPath } from '../../../platform/scope.ts';
import { cases, caseSuggestionOutcomes } from '../schema.ts';
import { suggestionModelsFor } from './model.ts';
import { rankCategories, type CategoryCandidate } from './suggest.ts';

/**
 * What the suggestion offers for a case now, recomputed by the server rather than sent by the
 * client, so the acceptance rate measures the model whatever app the dispatcher uses. It uses the
 * model last shown and never trains: a process without a model yet (it trains at start) showed no
 * suggestion, so the 立案 counts as classified without one instead of waiting seconds for training
 * (bench/load.ts saw 立案 time out behind it).
 */
export async function suggestionAtClassification(db: Db, caseId: number): Promise<CategoryCandidate | null> {
  const trained = suggestionModelsFor(db).current();
  if (!trained) return null;
  const [row] = await db
    .select({ title: cases.title, description: cases.description })
    .from(cases)
    .where(eq(cases.id, caseId));
  if (!row) return null;
  return (await rankCategories(db, trained, `${row.title} ${row.description}`, 1))[0] ?? null;
}

export async function recordClassification(
  tx: Tx,
  record: {
    caseId: number;
    actor: Actor;
    action: 'accept' | 'reclassify';
    categoryId: number;
    previousCategoryId: number | null;
    suggested: CategoryCandidate | null;
    scopePath: string;
  },
) {
  const { suggested } = record;
  await tx.insert(caseSuggestionOutcomes).values({
    caseId: record.caseId,
    actorUserId: record.actor.userId,
    action: record.action,
    categoryId: record.categoryId,
    previousCategoryId: record.previousCategoryId,
    suggestedCategoryId: suggested?.categoryId ?? null,
    suggestedConfidence: suggested?.confidence ?? null,
    tookSuggestion: suggested ? suggested.categoryId === record.categoryId : null,
    scopePath: record.scopePath,
  });
}

export const ACCEPTANCE_WINDOW_DAYS = 30;

/** 采纳率: of the acceptances (立案) under a scope in the last 30 days that had a suggestion, how many kept its top-1. */
export async function acceptanceRate(db: Queryable, scopePath: string, days = ACCEPTANCE_WINDOW_DAYS) {
  const [row] = await db
    .select({
      classified: sql<number>`count(*) filter (where ${caseSuggestionOutcomes.action} = 'accept')::int`,
      suggested: sql<number>`count(${caseSuggestionOutcomes.tookSuggestion}) filter (where ${caseSuggestionOutcomes.action} = 'accept')::int`,
      reclassified: sql<number>`count(*) filter (where ${caseSuggestionOutcomes.action} = 'reclassify')::int`,
      taken: sql<number>`count(*) filter (where ${caseSuggestionOutcomes.action} = 'accept' and ${caseSuggestionOutcomes.tookSuggestion})::int`,
    })
    .from(caseSuggestionOutcomes)
    .where(
      and(
        underPath(caseSuggestionOutcomes.scopePath, scopePath),
        gte(caseSuggestionOutcomes.at, sql`now() - make_interval(days => ${days})`),
      ),
    );
  const { classified = 0, suggested = 0, taken = 0, reclassified = 0 } = row ?? {};
  return {
    days,
    classified,
    suggested,
    taken,
    reclassified,
    rate: suggested ? Math.round((taken / suggested) * 1000) / 1000 : null,
  };
}
