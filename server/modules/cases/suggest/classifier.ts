import { fitTemperature } from './calibrate.ts';
import { Vectorizer, type VectorizerParts } from './features.ts';
import { softmax, SoftmaxModel, trainSoftmax, type SoftmaxOptions } from './softmax.ts';

export interface Sample {
  features: readonly string[];
  label: string;
}
export interface Prediction {
  label: string;
  probability: number;
}
export interface ClassifierOptions extends SoftmaxOptions {
  minDf?: number;
  maxFeatures?: number;
  /** Every n-th sample of each label is held out to fit the temperature (0: no calibration). */
  calibrationEvery?: number;
  /**
   * Calibration fold of each sample (instead of every n-th): the temperature is fitted on the
   * out-of-fold scores of `calibrationFolds` folds. Better folds worded unlike each other (another
   * phrasing; in the server the newest cases of each label), since an iid slice of near-duplicates
   * makes the model look surer, or less sure, than it is on new wording.
   */
  foldOf?: (sample: Sample, index: number) => number;
  /** How many folds to score (each costs one extra training); default 1. */
  calibrationFolds?: number;
}

/** A trained classifier as plain data, for handing it from the training thread to the server's. */
export interface ClassifierParts {
  labels: readonly string[];
  vectorizer: VectorizerParts;
  model: { classes: number; weights: Float32Array; bias: Float64Array };
  temperature: number;
  trainedOn: number;
}

/** Below this many held-out samples the temperature is too noisy to trust; keep T = 1. */
const MIN_CALIBRATION_SAMPLES = 30;

/**
 * TF-IDF features, softmax regression and a fitted temperature. The temperature is fitted on
 * held-out folds (by default every 5th sample of each label) scored by models trained without
 * them, then the final model is trained on everything and keeps that temperature: extra training,
 * but no data lost.
 */
export class TextClassifier {
  private constructor(
    readonly labels: readonly string[],
    private readonly vectorizer: Vectorizer,
    private readonly model: SoftmaxModel,
    readonly temperature: number,
    readonly trainedOn: number,
  ) {}

  static async train(samples: readonly Sample[], options: ClassifierOptions = {}): Promise<TextClassifier> {
    const labels = [...new Set(samples.map((s) => s.label))].sort();
    const every = options.calibrationEvery ?? 5;
    let temperature = 1;
    if (every > 1 && labels.length > 1) {
      const seen = new Map<string, number>();
      const folds = options.foldOf
        ? samples.map(options.foldOf)
        : samples.map((s) => {
            const n = (seen.get(s.label) ?? 0) + 1;
            seen.set(s.label, n);
            return n % every === 0 ? 0 : -1;
          });
      const scored: Float64Array[] = [];
      const truth: number[] = [];
      for (let fold = 0; fold < (options.calibrationFolds ?? 1); fold++) {
        const heldOut = samples.filter((_, i) => folds[i] === fold);
        if (!heldOut.length) continue;
        const probe = await TextClassifier.fit(
          samples.filter((_, i) => folds[i] !== fold),
          labels,
          1,
          options,
        );
        for (const s of heldOut) {
          scored.push(probe.logits(s.features));
          truth.push(labels.indexOf(s.label));
        }
      }
      if (scored.length >= MIN_CALIBRATION_SAMPLES) temperature = fitTemperature(scored, truth);
    }
    return TextClassifier.fit(samples, labels, temperature, options);
  }

  private static async fit(
    samples: readonly Sample[],
    labels: readonly string[],
    temperature: number,
    options: ClassifierOptions,
  ): Promise<TextClassifier> {
    const docs = samples.map((s) => s.features);
    const vectorizer = await Vectorizer.fit(docs, { minDf: options.minDf, maxFeatures: options.maxFeatures });
    const xs = await vectorizer.transformAll(docs);
    const model = await trainSoftmax(
      xs,
      samples.map((s) => labels.indexOf(s.label)),
      vectorizer.size,
      labels.length,
      options,
    );
    return new TextClassifier(labels, vectorizer, model, temperature, samples.length);
  }

  toParts(): ClassifierParts {
    const { classes, weights, bias } = this.model;
    return {
      labels: this.labels,
      vectorizer: this.vectorizer.toParts(),
      model: { classes, weights, bias },
      temperature: this.temperature,
      trainedOn: this.trainedOn,
    };
  }

  static fromParts(p: ClassifierParts): TextClassifier {
    const model = new SoftmaxModel(p.model.classes, p.model.weights, p.model.bias);
    return new TextClassifier(p.labels, Vectorizer.fromParts(p.vectorizer), model, p.temperature, p.trainedOn);
  }

  /** The buffers of `toParts()`, moved rather than copied to the receiving thread. */
  static transferables(p: ClassifierParts): ArrayBuffer[] {
    return [
      p.vectorizer.idf.buffer as ArrayBuffer,
      p.model.weights.buffer as ArrayBuffer,
      p.model.bias.buffer as ArrayBuffer,
    ];
  }

  logits(features: readonly string[]): Float64Array {
    return this.model.logits(this.vectorizer.transform(features));
  }

  /** Labels by calibrated probability, best first (empty before any training sample). */
  predict(features: readonly string[]): Prediction[] {
    if (!this.labels.length) return [];
    const p = softmax(this.logits(features), this.temperature);
    return this.labels.map((label, i) => ({ label, probability: p[i]! })).sort((a, b) => b.probability - a.probability);
  }
}
