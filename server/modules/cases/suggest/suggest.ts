import { inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/open.ts';
import { departments } from '../../org/schema.ts';
import type { CaseRow } from '../load-case.ts';
import { caseCategories } from '../schema.ts';
import { findDuplicates } from './duplicates.ts';
import { features, MIN_SAMPLES, type SuggestionModelSource } from './model.ts';

const LEVEL_NAMES: Record<string, string> = { grid: '网格自办', community: '社区办理', street: '街道办理', meeting: '上会议事' };

/** The dispatcher's hint: likely category and handler with their confidence, and possible duplicates. The dispatcher decides. */
export async function suggestForCase(db: Db, models: SuggestionModelSource, row: CaseRow) {
  const { category, department, trainedOn } = await models();
  const tokens = features(`${row.title} ${row.description}`, row.gridId, row.communityId);
  const enough = trainedOn >= MIN_SAMPLES;
  const cat = enough ? category.predict(tokens)[0] : undefined;
  const dep = enough ? department.predict(tokens)[0] : undefined;
  const [catRow] = cat ? await db.select({ id: caseCategories.id, name: caseCategories.name }).from(caseCategories).where(inArray(caseCategories.id, [Number(cat.label)])) : [];
  let handler: { level: string; departmentId: number | null; name: string; confidence: number } | null = null;
  if (dep?.label.startsWith('d:')) {
    const id = Number(dep.label.slice(2));
    const [d] = await db.select({ name: departments.name }).from(departments).where(inArray(departments.id, [id]));
    if (d) handler = { level: 'department', departmentId: id, name: d.name, confidence: round(dep.probability) };
  } else if (dep) {
    const level = dep.label.slice(2);
    handler = { level, departmentId: null, name: LEVEL_NAMES[level] ?? level, confidence: round(dep.probability) };
  }
  const duplicates = row.lng !== null && row.lat !== null
    ? await findDuplicates(db, { lng: row.lng, lat: row.lat, text: `${row.title} ${row.description}`, categoryId: null, excludeId: row.id })
    : [];
  return {
    trainedOn, enoughData: enough,
    category: catRow && cat ? { id: catRow.id, name: catRow.name, confidence: round(cat.probability) } : null,
    handler, duplicates,
  };
}

function round(p: number): number {
  return Math.round(p * 100) / 100;
}
