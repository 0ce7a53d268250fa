/**
 * What the suggestion models learn from and how: features, settings and the training itself, free of
 * the database so that it runs on a worker thread (train-thread.ts) and never holds the server's
 * event loop. model.ts reads the rows and swaps the trained models in.
 */
import { TextClassifier, type ClassifierParts } from './classifier.ts';
import { textFeatures } from './features.ts';

/**
 * The most recent classified cases of each label are what dispatchers decide like today; the cap
 * keeps training to a few seconds on a 100k-case installation (measured: bench/case-suggest.ts).
 */
export const MAX_PER_LABEL = 300;

/**
 * Chosen on bench/case-suggest.ts's validation folds (held-out training phrasings, never the test
 * texts): L2 1e-3 instead of SGD's usual 1e-4 generalises better to new wording. 30 epochs scored
 * about one point more there but triple the training, which the server repeats as cases arrive
 * (≈ 3 s → 9 s of CPU at the demo district's size), so 10. Printed there beside the alternatives.
 */
export const MODEL_OPTIONS = { l2: 1e-3, epochs: 10 } as const;
/** What the category is learnt from: the words only (a grid's usual category must not outvote them). */
export const categoryFeatures = (text: string): string[] => textFeatures(text);
/** The handler also depends on where: the same words go to a different unit in another street. */
export function handlerFeatures(text: string, gridId: number | null, communityId: number, streetId: number): string[] {
  return [
    ...textFeatures(text),
    `p@street:${streetId}`,
    `p@community:${communityId}`,
    ...(gridId ? [`p@grid:${gridId}`] : []),
  ];
}

export type TrainingRow = {
  title: string;
  description: string;
  grid_id: number | null;
  community_id: number;
  street_id: number;
  category_id: number;
  department_id: number | null;
  dispatch_level: string | null;
};

/** Segmenting thousands of texts takes a while: yield between chunks (harmless on the worker thread, kind if run inline). */
async function mapInChunks<T, U>(items: readonly T[], fn: (item: T) => U, chunk = 100): Promise<U[]> {
  const out: U[] = [];
  for (let i = 0; i < items.length; i += chunk) {
    for (const item of items.slice(i, i + chunk)) out.push(fn(item));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return out;
}

/**
 * The calibration fold: the newest fifth of each label (rows come oldest first). The model is used
 * on tomorrow's reports, whose wording drifts from the older ones; a random fifth of near-duplicates
 * would fit a temperature for texts it has practically seen.
 */
function newestFifth<T>(rows: readonly T[], labelOf: (r: T) => string): (_: unknown, index: number) => number {
  const total = new Map<string, number>();
  for (const r of rows) total.set(labelOf(r), (total.get(labelOf(r)) ?? 0) + 1);
  const seen = new Map<string, number>();
  const fold = rows.map((r) => {
    const label = labelOf(r);
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return n > total.get(label)! * 0.8 ? 0 : -1;
  });
  return (_, index) => fold[index]!;
}

export interface TrainedParts {
  category: ClassifierParts;
  department: ClassifierParts;
  trainedOn: number;
}

/** Both models from the classified cases (oldest first): the category, and who handles it. */
export async function trainModels(rows: readonly TrainingRow[]): Promise<TrainedParts> {
  const text = (r: TrainingRow) => `${r.title} ${r.description}`;
  const category = await TextClassifier.train(
    await mapInChunks(rows, (r) => ({ features: categoryFeatures(text(r)), label: String(r.category_id) })),
    { ...MODEL_OPTIONS, foldOf: newestFifth(rows, (r) => String(r.category_id)) },
  );
  const handled = rows.filter((r) => r.dispatch_level);
  const handler = (r: TrainingRow) =>
    r.dispatch_level === 'department' && r.department_id ? `d:${r.department_id}` : `l:${r.dispatch_level}`;
  const department = await TextClassifier.train(
    await mapInChunks(handled, (r) => ({
      features: handlerFeatures(text(r), r.grid_id, r.community_id, r.street_id),
      label: handler(r),
    })),
    { ...MODEL_OPTIONS, foldOf: newestFifth(handled, handler) },
  );
  return { category: category.toParts(), department: department.toParts(), trainedOn: rows.length };
}
