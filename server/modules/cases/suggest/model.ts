import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/open.ts';
import type { Queryable } from '../../../platform/db/tx.ts';
import { countAndLatest, fingerprintCache } from '../../../platform/fingerprint-cache.ts';
import { cases, caseSuggestionOutcomes } from '../schema.ts';
import { TextClassifier } from './classifier.ts';
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
export const MIN_SAMPLES = 20;

export interface SuggestionModels {
  category: TextClassifier;
  department: TextClassifier;
  trainedOn: number;
  trainingMs: number;
  builtAt: number;
}

/** Retraining may take at most about a tenth of the process's time: after a T-second training, the next waits 10·T. */
const RETRAIN_DUTY = 10;
/** How long a request waits for a retrain before it is served the previous model. */
const SERVE_STALE_AFTER_MS = 100;

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

type TrainingRow = {
  title: string;
  description: string;
  grid_id: number | null;
  community_id: number;
  street_id: number;
  category_id: number;
  department_id: number | null;
  dispatch_level: string | null;
};

/** Segmenting thousands of texts takes a while: yield to the event loop between chunks. */
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

async function build(q: Queryable): Promise<SuggestionModels> {
  const started = performance.now();
  const { rows } = await q.execute<TrainingRow>(sql`
    select title, description, grid_id, community_id, street_id, category_id, department_id, dispatch_level from (
      select *, row_number() over (partition by category_id order by accepted_at desc, id desc) as rank
      from ${cases} where accepted_at is not null and category_id is not null and state not in ('rejected', 'merged')
    ) recent where rank <= ${MAX_PER_LABEL} order by id`);
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
  return {
    category,
    department,
    trainedOn: rows.length,
    trainingMs: Math.round(performance.now() - started),
    builtAt: Date.now(),
  };
}

/**
 * Per-process models, retrained when the classified cases have moved: a new acceptance (count,
 * latest acceptance) or a classification record (a re-categorisation at dispatch leaves no other
 * trace in those two numbers). Only the very first request waits for training; afterwards a
 * retrain runs in the background (yielding to the event loop, softmax.ts) while requests get the
 * previous model, one retrain at a time and no more often than RETRAIN_DUTY allows — on a busy
 * installation every acceptance changes the fingerprint, and a retrain there takes seconds.
 */
export function createSuggestionModels(db: Db) {
  const models = fingerprintCache<SuggestionModels>({
    fingerprint: sql`${countAndLatest(sql`${cases}`, sql`${cases.acceptedAt}`, sql`${cases.acceptedAt} is not null`)} || '|' || ${countAndLatest(sql`${caseSuggestionOutcomes}`, sql`${caseSuggestionOutcomes.id}`)}`,
    build,
  });
  let refreshing: Promise<SuggestionModels> | null = null;
  const get = async (): Promise<SuggestionModels> => {
    const current = models.current();
    if (!current) return models.get(db);
    if (refreshing || Date.now() - current.builtAt < current.trainingMs * RETRAIN_DUTY) return current;
    const attempt = models
      .get(db)
      .catch((error: unknown) => {
        console.error('分类建议模型重新训练失败，继续使用上一版模型', error);
        return current;
      })
      .finally(() => {
        refreshing = null;
      });
    refreshing = attempt;
    // The fingerprint check is quick and an unchanged model comes back at once; a retrain does not.
    return Promise.race([
      attempt,
      new Promise<SuggestionModels>((resolve) => setTimeout(() => resolve(current), SERVE_STALE_AFTER_MS)),
    ]);
  };
  // `current` is the model the dispatcher was last shown, for recording what it offered without retraining.
  return Object.assign(get, { current: (): SuggestionModels | null => models.current() });
}
export type SuggestionModelSource = ReturnType<typeof createSuggestionModels>;

const shared = new WeakMap<Db, SuggestionModelSource>();
/** One model per database per process, shared by the suggestion route and the classification record. */
export function suggestionModelsFor(db: Db): SuggestionModelSource {
  let source = shared.get(db);
  if (!source) shared.set(db, (source = createSuggestionModels(db)));
  return source;
}

/**
 * Trains this process's models in the background right after start: otherwise the first 立案 or
 * suggestion request waits for a training of several seconds (measured by bench/load.ts).
 */
export function warmSuggestionModels(db: Db): void {
  void suggestionModelsFor(db)().catch((error: unknown) =>
    console.error('分类建议模型预训练失败（首次请求时再训练）', error),
  );
}
