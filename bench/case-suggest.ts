/**
 * Category suggestion on a public-shaped 12345-style corpus (bench/suggest/corpus.ts: 11 confusable
 * classes, test texts from phrasings never seen in training). Compares, in the same run:
 *  - naive Bayes over jieba words (the previous model),
 *  - softmax regression over character 1–3-grams only,
 *  - softmax regression over character 1–3-grams + jieba words (the server's model),
 * on top-1, top-3, expected calibration error (10 bins) with a reliability table, training time
 * and ms per suggestion. Also with 300 training texts, the size of a young installation.
 *   Run: npx tsx bench/case-suggest.ts
 */
import { calibrationError } from '../server/modules/cases/suggest/calibrate.ts';
import { TextClassifier } from '../server/modules/cases/suggest/classifier.ts';
import { textFeatures } from '../server/modules/cases/suggest/features.ts';
import { NaiveBayes } from '../server/modules/cases/suggest/naive-bayes.ts';
import { tokenize } from '../server/modules/cases/suggest/tokens.ts';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { CLASSES, generateCorpus, type CorpusItem } from './suggest/corpus.ts';

interface Predictor { predict(text: string): { label: string; probability: number }[] }
type Trainer = (train: CorpusItem[]) => Promise<Predictor>;

const TRAINERS: Record<string, Trainer> = {
  'naive Bayes (jieba words)': async (train) => {
    const nb = NaiveBayes.train(train.map((t) => ({ tokens: tokenize(t.text), label: t.label })));
    return { predict: (text) => nb.predict(tokenize(text)) };
  },
  'softmax, char 1-3-grams': async (train) => {
    const opts = { charNgrams: [1, 2, 3], words: false };
    const m = await TextClassifier.train(train.map((t) => ({ features: textFeatures(t.text, opts), label: t.label })));
    return { predict: (text) => m.predict(textFeatures(text, opts)) };
  },
  'softmax, char 1-3 + words': async (train) => {
    const m = await TextClassifier.train(train.map((t) => ({ features: textFeatures(t.text), label: t.label })));
    return { predict: (text) => m.predict(textFeatures(text)) };
  },
};

async function evaluate(name: string, trainer: Trainer, train: CorpusItem[], test: CorpusItem[]) {
  const t0 = performance.now();
  const model = await trainer(train);
  const trainMs = performance.now() - t0;
  let top1 = 0, top3 = 0;
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
  console.log(`  ${name.padEnd(28)} top-1 ${pct(top1 / test.length)}  top-3 ${pct(top3 / test.length)}  ECE ${ece.toFixed(3)}  train ${trainMs.toFixed(0)} ms  ${msPer.toFixed(2)} ms/suggestion`);
  return { name, table };
}

function reliability(rows: { name: string; table: ReturnType<typeof calibrationError>['table'] }[]) {
  console.log(`  reliability (confidence bin: n, mean confidence → accuracy)`);
  console.log(`  ${'bin'.padEnd(9)}${rows.map((r) => r.name.padEnd(30)).join('')}`);
  for (let b = 0; b < 10; b++) {
    const cells = rows.map((r) => { const x = r.table[b]!; return (x.count ? `${String(x.count).padStart(3)}: ${x.confidence.toFixed(2)} → ${x.accuracy.toFixed(2)}` : '  -').padEnd(30); });
    console.log(`  ${`${(b / 10).toFixed(1)}-${((b + 1) / 10).toFixed(1)}`.padEnd(9)}${cells.join('')}`);
  }
}

const { train, test } = generateCorpus();
console.log(`classes: ${CLASSES.length}, texts: ${train.length + test.length} (train ${train.length} from train phrasings, test ${test.length} from held-out phrasings)`);
for (const [label, size] of [['all training texts', train.length], ['300 training texts', 300]] as const) {
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
  const m = await TextClassifier.train(features);
  const ms = performance.now() - t0;
  delay.disable();
  console.log(`\ntraining at demo size: ${big.length} texts, ${m.labels.length} labels: ${ms.toFixed(0)} ms (temperature ${m.temperature.toFixed(2)}), longest event-loop stall ${(delay.max / 1e6).toFixed(0)} ms`);
}
