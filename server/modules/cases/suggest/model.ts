import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/open.ts';
import type { Queryable } from '../../../platform/db/tx.ts';
import { countAndLatest, fingerprintCache } from '../../../platform/fingerprint-cache.ts';
import { cases, caseSuggestionOutcomes } from '../schema.ts';
import { TextClassifier } from './classifier.ts';
import { runInWorker, siblingEntry } from '../../../platform/threads/run-in-worker.ts';
import { MAX_PER_LABEL, type TrainedParts, type TrainingRow } from './training.ts';

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
/** How long a request waits for a process's first model (at start, under load, training can take a minute). */
const FIRST_TRAINING_WAIT_MS = 5000;

/** What a request gets before the first model is trained: no suggestion ("enoughData" false). */
const UNTRAINED: SuggestionModels = (() => {
  const empty = TextClassifier.fromParts({
    labels: [],
    vectorizer: { vocabulary: new Map(), idf: new Float32Array(0) },
    model: { classes: 0, weights: new Float32Array(0), bias: new Float64Array(0) },
    temperature: 1,
    trainedOn: 0,
  });
  return { category: empty, department: empty, trainedOn: 0, trainingMs: 0, builtAt: 0 };
})();

/** `promise`, or `fallback` if it has not settled within `ms`. */
function within<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<T>((resolve) => {
      timer = setTimeout(() => resolve(fallback), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Reads the classified cases here and trains on a worker thread: training is seconds of CPU, and
 * even chunked on the event loop it delayed every request in between (bench/load.ts: p99 of every
 * kind of request near a second while dispatchers re-categorised).
 */
async function build(q: Queryable): Promise<SuggestionModels> {
  const started = performance.now();
  const { rows } = await q.execute<TrainingRow>(sql`
    select title, description, grid_id, community_id, street_id, category_id, department_id, dispatch_level from (
      select *, row_number() over (partition by category_id order by accepted_at desc, id desc) as rank
      from ${cases} where accepted_at is not null and category_id is not null and state not in ('rejected', 'merged')
    ) recent where rank <= ${MAX_PER_LABEL} order by id`);
  const trained = await runInWorker<TrainedParts>(siblingEntry(import.meta.url, 'train-thread'), rows);
  return {
    category: TextClassifier.fromParts(trained.category),
    department: TextClassifier.fromParts(trained.department),
    trainedOn: trained.trainedOn,
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
  // ONE training at a time, whatever happens meanwhile: under load every acceptance moves the
  // fingerprint, and starting a training per new fingerprint once ran dozens of threads at once.
  let refreshing: Promise<SuggestionModels> | null = null;
  const refresh = (current: SuggestionModels | null): Promise<SuggestionModels> =>
    (refreshing ??= models
      .get(db)
      .catch((error: unknown) => {
        if (!current) throw error;
        console.error('分类建议模型重新训练失败，继续使用上一版模型', error);
        return current;
      })
      .finally(() => {
        refreshing = null;
      }));
  const get = async (): Promise<SuggestionModels> => {
    const current = models.current();
    // Before the first model: wait a while, then answer without a suggestion rather than hold the dispatcher.
    if (!current) return within(refresh(null), FIRST_TRAINING_WAIT_MS, UNTRAINED);
    if (refreshing || Date.now() - current.builtAt < current.trainingMs * RETRAIN_DUTY) return current;
    // The fingerprint check is quick and an unchanged model comes back at once; a retrain does not.
    return within(refresh(current), SERVE_STALE_AFTER_MS, current);
  };
  // `current` is the model the dispatcher was last shown, for recording what it offered without retraining;
  // `warm` trains the first model without the request's wait cap.
  return Object.assign(get, {
    current: (): SuggestionModels | null => models.current(),
    warm: (): Promise<SuggestionModels> => refresh(models.current()),
  });
}
export type SuggestionModelSource = ReturnType<typeof createSuggestionModels>;

const shared = new WeakMap<Db, SuggestionModelSource>();
/** One model per database per process, shared by the suggestion route and the classification record. */
export function suggestionModelsFor(db: Db): SuggestionModelSource {
  let source = shared.get(db);
  if (!source) shared.set(db, (source = createSuggestionModels(db)));
  return source;
}

/** How long an instance stays out of the balancer's rotation at most while it trains its first model. */
export const WARM_UP_MAX_MS = 120_000;

/**
 * Trains this process's models right after start, and settles once they are trained (or training
 * failed, or `maxMs` passed). main.ts reports the instance not ready (/readyz 503) until then, so
 * a balancer sends no traffic to a process whose first 立案 or suggestion request would wait for a
 * training of several seconds (bench/load.ts measured p99 near 3 s in the first 10 s without it).
 */
export async function warmSuggestionModels(db: Db, maxMs = WARM_UP_MAX_MS): Promise<void> {
  const trained = suggestionModelsFor(db)
    .warm()
    .then(
      () => true,
      (error: unknown) => {
        console.error('分类建议模型预训练失败（首次请求时再训练）', error);
        return true;
      },
    );
  if (!(await within(trained, maxMs, false)))
    console.error(`分类建议模型 ${maxMs / 1000} 秒内未训练完成，实例先接收请求（训练继续）`);
}
