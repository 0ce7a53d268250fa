import { desc, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/open.ts';
import { countAndLatest, fingerprintCache } from '../../../platform/fingerprint-cache.ts';
import { cases } from '../schema.ts';
import { NaiveBayes } from './naive-bayes.ts';
import { tokenize } from './tokens.ts';

/** The most recent classified cases are what dispatchers decide like today. */
const TRAINING_WINDOW = 20_000;
export const MIN_SAMPLES = 20;

export interface SuggestionModels { category: NaiveBayes; department: NaiveBayes; trainedOn: number }

/** Text and place features: the same words mean different things in different grids. */
export function features(text: string, gridId: number | null, communityId: number): string[] {
  return [...tokenize(text), `@community:${communityId}`, ...(gridId ? [`@grid:${gridId}`] : [])];
}

/**
 * Per-process models, retrained when the set of classified cases has moved (count or latest
 * acceptance), so every instance learns from the same data without sharing memory.
 */
export function createSuggestionModels(db: Db) {
  const models = fingerprintCache<SuggestionModels>({
    fingerprint: countAndLatest(sql`${cases}`, sql`${cases.acceptedAt}`, isNotNull(cases.acceptedAt)),
    async build(q) {
      const rows = await q.select({ title: cases.title, description: cases.description, gridId: cases.gridId, communityId: cases.communityId, categoryId: cases.categoryId, departmentId: cases.departmentId, level: cases.dispatchLevel })
        .from(cases).where(sql`${cases.acceptedAt} is not null and ${cases.categoryId} is not null and ${cases.state} not in ('rejected', 'merged')`)
        .orderBy(desc(cases.acceptedAt)).limit(TRAINING_WINDOW);
      const category = new NaiveBayes();
      const department = new NaiveBayes();
      for (const r of rows) {
        const tokens = features(`${r.title} ${r.description}`, r.gridId, r.communityId);
        category.add({ tokens, label: String(r.categoryId) });
        if (r.level) department.add({ tokens, label: r.level === 'department' && r.departmentId ? `d:${r.departmentId}` : `l:${r.level}` });
      }
      return { category, department, trainedOn: rows.length };
    },
  });
  return (): Promise<SuggestionModels> => models.get(db);
}
export type SuggestionModelSource = ReturnType<typeof createSuggestionModels>;
