/**
 * Model selection without looking at the test set: grouped cross-validation on the TRAINING texts,
 * each fold holding out one training phrasing of every class (so, like the test set, the validation
 * texts are worded in a way the fold's model never saw). The test phrasings are not touched here.
 */
import { TextClassifier, type ClassifierOptions } from '../../server/modules/cases/suggest/classifier.ts';
import { textFeatures, type FeatureOptions } from '../../server/modules/cases/suggest/features.ts';
import type { CorpusItem } from './corpus.ts';

export interface Candidate {
  name: string;
  features: FeatureOptions;
  model: ClassifierOptions;
}

export async function crossValidate(
  train: readonly CorpusItem[],
  candidate: Candidate,
): Promise<{ top1: number; top3: number }> {
  const folds = Math.max(...train.map((t) => t.phrasing)) + 1;
  let top1 = 0,
    top3 = 0,
    n = 0;
  for (let k = 0; k < folds; k++) {
    const fit = train.filter((t) => t.phrasing !== k);
    const held = train.filter((t) => t.phrasing === k);
    const m = await TextClassifier.train(
      fit.map((t) => ({ features: textFeatures(t.text, candidate.features), label: t.label })),
      candidate.model,
    );
    for (const t of held) {
      const p = m.predict(textFeatures(t.text, candidate.features));
      if (p[0]?.label === t.label) top1++;
      if (p.slice(0, 3).some((x) => x.label === t.label)) top3++;
      n++;
    }
  }
  return { top1: top1 / n, top3: top3 / n };
}
