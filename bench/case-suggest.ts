/**
 * Category suggestion on a public-shaped 12345-style corpus (bench/suggest/corpus.ts: 11 confusable
 * classes, test texts from phrasings never seen in training). First the model is chosen WITHOUT the
 * test texts: grouped cross-validation on the training texts, each fold holding out one training
 * phrasing (bench/suggest/validate.ts); the server's choice is MODEL_OPTIONS in suggest/training.ts.
 * Then, once, on the test texts:
 *  - naive Bayes over jieba words (the first model),
 *  - softmax regression, char 1–3-grams + jieba words, SGD's usual L2 1e-4 and 10 epochs (last session's),
 *  - the same features with MODEL_OPTIONS, temperature fitted on an iid fifth of the training texts,
 *  - the same with the temperature fitted on held-out phrasings (out-of-fold, all five folds) —
 *    the server holds out the newest fifth of each label, its nearest stand-in for new wording,
 * on top-1, top-3, expected calibration error (10 bins) with a reliability table, training time
 * and ms per suggestion. Also with 300 training texts, the size of a young installation.
 *   Run: npm run bench:case-suggest
 */
import { calibrationError } from '../server/modules/cases/suggest/calibrate.ts';
import { TextClassifier } from '../server/modules/cases/suggest/classifier.ts';
import { textFeatures } from '../server/modules/cases/suggest/features.ts';
import { MODEL_OPTIONS } from '../server/modules/cases/suggest/training.ts';
import { NaiveBayes } from '../server/modules/cases/suggest/naive-bayes.ts';
import { tokenize } from '../server/modules/cases/suggest/tokens.ts';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { CLASSES, generateCorpus, type CorpusItem } from './suggest/corpus.ts';
import { crossValidate, type Candidate } from './suggest/validate.ts';

interface Predictor {
  predict(text: string): { label: string; probability: number }[];
}
type Trainer = (train: CorpusItem[]) => Promise<Predictor>;

const softmaxTrainer =
  (options: Parameters<typeof TextClassifier.train>[1], phrasingFolds = false): Trainer =>
  async (train) => {
    const fold = phrasingFolds
      ? {
          foldOf: (_: unknown, i: number) => train[i]!.phrasing,
          calibrationFolds: Math.max(...train.map((t) => t.phrasing)) + 1,
        }
      : {};
    const m = await TextClassifier.train(
      train.map((t) => ({ features: textFeatures(t.text), label: t.label })),
      { ...options, ...fold },
    );
    return { predict: (text) => m.predict(textFeatures(text)) };
  };

const TRAINERS: Record<string, Trainer> = {
  'naive Bayes (jieba words)': async (train) => {
    const nb = NaiveBayes.train(train.map((t) => ({ tokens: tokenize(t.text), label: t.label })));
    return { predict: (text) => nb.predict(tokenize(text)) };
  },
  'softmax L2 1e-4, 10 epochs': softmaxTrainer({ l2: 1e-4, epochs: 10 }),
  'server, T on iid fifth': softmaxTrainer(MODEL_OPTIONS),
  'server, T on new phrasings': softmaxTrainer(MODEL_OPTIONS, true),
};

async function evaluate(name: string, trainer: Trainer, train: CorpusItem[], test: CorpusItem[]) {
  const t0 = performance.now();
  const model = await trainer(train);
  const trainMs = performance.now() - t0;
  let top1 = 0,
    top3 = 0;
  const outcomes: { confidence: number; correct: boolean }[] = [];
  const t1 = performance.now();
  for (const t of test) {
    const p = model.predict(t.text);
    if (p[0]?.label === t.label) top1++;
    if (p.slice(0, 3).some((x) => x.label === t.label)) top3++;
    outcomes.push({ confidence: p[0]?.probability ?? 0, correct: p[0]?.label === t.label });
  }
  const msPer = (performance.now() - t1) / test.length;
  const { ece, table } = calibrationError(outcomes);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(
    `  ${name.padEnd(28)} top-1 ${pct(top1 / test.length)}  top-3 ${pct(top3 / test.length)}  ECE ${ece.toFixed(3)}  train ${trainMs.toFixed(0)} ms  ${msPer.toFixed(2)} ms/suggestion`,
  );
  return { name, table };
}

function reliability(rows: { name: string; table: ReturnType<typeof calibrationError>['table'] }[]) {
  console.log(`  reliability (confidence bin: n, mean confidence → accuracy)`);
  console.log(`  ${'bin'.padEnd(9)}${rows.map((r) => r.name.padEnd(30)).join('')}`);
  for (let b = 0; b < 10; b++) {
    const cells = rows.map((r) => {
      const x = r.table[b]!;
      return (
        x.count ? `${String(x.count).padStart(3)}: ${x.confidence.toFixed(2)} → ${x.accuracy.toFixed(2)}` : '  -'
      ).padEnd(30);
    });
    console.log(`  ${`${(b / 10).toFixed(1)}-${((b + 1) / 10).toFixed(1)}`.padEnd(9)}${cells.join('')}`);
  }
}

const { train, test } = generateCorpus();
console.log(
  `classes: ${CLASSES.length}, texts: ${train.length + test.length} (train ${train.length} from train phrasings, test ${test.length} from held-out phrasings)`,
);

// Model selection on validation folds of the training texts only.
{
  const candidates: Candidate[] = [];
  for (const [fname, features] of [
    ['char 1-3 + words', { charNgrams: [1, 2, 3], words: true }],
    ['char 1-3', { charNgrams: [1, 2, 3], words: false }],
    ['char 1-2 + words', { charNgrams: [1, 2], words: true }],
  ] as const) {
    for (const l2 of [1e-4, 1e-3, 3e-3])
      for (const epochs of [10, 30])
        candidates.push({
          name: `${fname}, L2 ${l2}, ${epochs} epochs`,
          features,
          model: { l2, epochs, calibrationEvery: 0 },
        });
  }
  console.log(`\nvalidation (grouped 5-fold CV on the training texts, one training phrasing held out per fold):`);
  const results = [];
  for (const c of candidates) {
    const r = await crossValidate(train, c);
    results.push({ c, r });
    const server =
      c.features.words &&
      c.features.charNgrams.length === 3 &&
      c.model.l2 === MODEL_OPTIONS.l2 &&
      c.model.epochs === MODEL_OPTIONS.epochs;
    console.log(
      `  ${c.name.padEnd(36)} top-1 ${(100 * r.top1).toFixed(1)}%  top-3 ${(100 * r.top3).toFixed(1)}%${server ? "   ← the server's MODEL_OPTIONS" : ''}`,
    );
  }
  const best = results.reduce((a, b) => (b.r.top1 > a.r.top1 ? b : a));
  console.log(
    `  best on validation: ${best.c.name} (${(100 * best.r.top1).toFixed(1)}%); the server takes 10 epochs for a third of the training time`,
  );
}
for (const [label, size] of [
  ['all training texts', train.length],
  ['300 training texts', 300],
] as const) {
  // An evenly spread subset keeps the classes balanced when the training set is cut down.
  const subset = size >= train.length ? train : train.filter((_, i) => (i * size) % train.length < size);
  console.log(`\n${label} (${subset.length}):`);
  const rows = [];
  for (const [name, trainer] of Object.entries(TRAINERS)) rows.push(await evaluate(name, trainer, subset, test));
  reliability(rows);
}

// Calibration is fitted on a slice like the training data; on new phrasings (above) the world has
// shifted under it. A random split of the same texts (train and test phrasings mixed) shows the iid case.
{
  const all = [...train, ...test];
  const mixed = all.filter((_, i) => i % 5 !== 0);
  const heldOut = all.filter((_, i) => i % 5 === 0);
  console.log(`\nrandom split, shared phrasings (train ${mixed.length}, test ${heldOut.length}):`);
  const rows = [];
  for (const [name, trainer] of Object.entries(TRAINERS)) rows.push(await evaluate(name, trainer, mixed, heldOut));
  reliability(rows);
}

// Training at the demo district's size (≈5,500 classified cases, ≈30 categories; each class split in
// three by position so the label count matches): how long a retrain takes and the longest the event
// loop is held meanwhile (training yields between chunks).
{
  const big = generateCorpus({ perClass: 500, seed: 99 }).train.map((t, i) => ({ ...t, label: `${t.label}${i % 3}` }));
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const t0 = performance.now();
  const features = [];
  for (let i = 0; i < big.length; i++) {
    features.push({ features: textFeatures(big[i]!.text), label: big[i]!.label });
    if (i % 100 === 99) await new Promise<void>((r) => setImmediate(r));
  }
  // As the server trains: MODEL_OPTIONS, temperature on the newest fifth of each label (here: the last generated).
  const perLabel = new Map<string, number>();
  const fold = features.map((f) => {
    const n = (perLabel.get(f.label) ?? 0) + 1;
    perLabel.set(f.label, n);
    return n;
  });
  const m = await TextClassifier.train(features, {
    ...MODEL_OPTIONS,
    foldOf: (s, i) => (fold[i]! > perLabel.get(s.label)! * 0.8 ? 0 : -1),
  });
  const ms = performance.now() - t0;
  delay.disable();
  console.log(
    `\ntraining at demo size: ${big.length} texts, ${m.labels.length} labels: ${ms.toFixed(0)} ms (temperature ${m.temperature.toFixed(2)}), longest event-loop stall ${(delay.max / 1e6).toFixed(0)} ms`,
  );
}
