import { inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/open.ts';
import type { Queryable } from '../../../platform/db/tx.ts';
import { departments } from '../../org/schema.ts';
import type { CaseRow } from '../load-case.ts';
import { caseCategories } from '../schema.ts';
import { findDuplicates } from './duplicates.ts';
import { MIN_SAMPLES, type SuggestionModels, type SuggestionModelSource } from './model.ts';
import { categoryFeatures, handlerFeatures } from './training.ts';

const LEVEL_NAMES: Record<string, string> = {
  grid: '网格自办',
  community: '社区办理',
  street: '街道办理',
  meeting: '上会议事',
};
export const TOP_CATEGORIES = 3;

export interface CategoryCandidate {
  categoryId: number;
  code: string;
  name: string;
  confidence: number;
}

/** The top categories for a text with calibrated confidences (≈ how often such a guess is right); [] while history is thin. */
export async function rankCategories(
  db: Queryable,
  { category, trainedOn }: SuggestionModels,
  text: string,
  limit = TOP_CATEGORIES,
): Promise<CategoryCandidate[]> {
  if (trainedOn < MIN_SAMPLES) return [];
  const top = category.predict(categoryFeatures(text)).slice(0, limit);
  if (!top.length) return [];
  const rows = await db
    .select({ id: caseCategories.id, code: caseCategories.code, name: caseCategories.name })
    .from(caseCategories)
    .where(
      inArray(
        caseCategories.id,
        top.map((p) => Number(p.label)),
      ),
    );
  return top.flatMap((p) => {
    const row = rows.find((r) => r.id === Number(p.label));
    return row ? [{ categoryId: row.id, code: row.code, name: row.name, confidence: round(p.probability) }] : [];
  });
}

/** The dispatcher's hint: likely categories and handler with their confidence, and possible duplicates. The dispatcher decides. */
export async function suggestForCase(db: Db, models: SuggestionModelSource, row: CaseRow) {
  const trained = await models();
  const { department, trainedOn, trainingMs } = trained;
  const text = `${row.title} ${row.description}`;
  const enough = trainedOn >= MIN_SAMPLES;
  const categories = await rankCategories(db, trained, text);
  const dep = enough
    ? department.predict(handlerFeatures(text, row.gridId, row.communityId, row.streetId))[0]
    : undefined;
  let handler: { level: string; departmentId: number | null; name: string; confidence: number } | null = null;
  if (dep?.label.startsWith('d:')) {
    const id = Number(dep.label.slice(2));
    const [d] = await db
      .select({ name: departments.name })
      .from(departments)
      .where(inArray(departments.id, [id]));
    if (d) handler = { level: 'department', departmentId: id, name: d.name, confidence: round(dep.probability) };
  } else if (dep) {
    const level = dep.label.slice(2);
    handler = { level, departmentId: null, name: LEVEL_NAMES[level] ?? level, confidence: round(dep.probability) };
  }
  const duplicates =
    row.lng !== null && row.lat !== null
      ? await findDuplicates(db, { lng: row.lng, lat: row.lat, text, categoryId: null, excludeId: row.id })
      : [];
  const best = categories[0];
  return {
    trainedOn,
    trainingMs,
    enoughData: enough,
    // `category` (the top-1) stays for clients written before `categories`.
    category: best ? { id: best.categoryId, code: best.code, name: best.name, confidence: best.confidence } : null,
    categories,
    handler,
    duplicates,
  };
}

function round(p: number): number {
  return Math.round(p * 1000) / 1000;
}
