import { tokenize } from './tokens.ts';

/** A sparse, L2-normalised TF-IDF vector: parallel arrays of feature index and weight. */
export interface SparseVector {
  index: Int32Array;
  value: Float32Array;
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface FeatureOptions {
  charNgrams: readonly number[];
  words: boolean;
}
export const DEFAULT_FEATURES: FeatureOptions = { charNgrams: [1, 2, 3], words: true };

// Digits (house numbers, dates, phone numbers) and Latin runs carry no category; punctuation and
// whitespace split runs so that n-grams never bridge two clauses.
const NORMALISE = [/[0-9０-９]+/g, /[A-Za-zＡ-Ｚａ-ｚ]+/g] as const;
const SPLIT = /[^\u4e00-\u9fff#@]+/u;

/**
 * Feature strings of a report: character n-grams (robust to typos, unknown place names and words
 * jieba cuts wrongly) plus jieba words (which n-grams of short texts miss). Prefixed so a one-character
 * word and the same character as a 1-gram stay two features.
 */
export function textFeatures(text: string, options: FeatureOptions = DEFAULT_FEATURES): string[] {
  const normalised = text.replace(NORMALISE[0], '#').replace(NORMALISE[1], '@');
  const out: string[] = [];
  for (const run of normalised.split(SPLIT)) {
    const chars = [...run];
    for (const n of options.charNgrams) {
      for (let i = 0; i + n <= chars.length; i++) {
        const gram = chars.slice(i, i + n).join('');
        if (n === 1 && (gram === '#' || gram === '@')) continue;
        out.push(`c${gram}`);
      }
    }
  }
  if (options.words) for (const w of tokenize(text)) if (w.length > 1) out.push(`w${w}`);
  return out;
}

export interface VectorizerParts {
  vocabulary: Map<string, number>;
  idf: Float32Array;
}

/**
 * TF-IDF with sublinear tf (1 + log tf), smoothed idf and L2 norm, fitted on the training texts.
 * Features seen in fewer than `minDf` texts are dropped, and at most `maxFeatures` of the most
 * frequent are kept, so the weight matrix stays a few megabytes on a 100k-case installation.
 */
export class Vectorizer {
  private constructor(
    private readonly vocabulary: Map<string, number>,
    private readonly idf: Float32Array,
  ) {}

  get size(): number {
    return this.idf.length;
  }

  /** Plain data that crosses to another thread (structured clone keeps the Map and the typed array). */
  toParts(): VectorizerParts {
    return { vocabulary: this.vocabulary, idf: this.idf };
  }

  static fromParts(parts: VectorizerParts): Vectorizer {
    return new Vectorizer(parts.vocabulary, parts.idf);
  }

  static async fit(
    docs: readonly (readonly string[])[],
    options: { minDf?: number; maxFeatures?: number } = {},
  ): Promise<Vectorizer> {
    const df = new Map<string, number>();
    for (let d = 0; d < docs.length; d++) {
      for (const f of new Set(docs[d])) df.set(f, (df.get(f) ?? 0) + 1);
      if (d % 500 === 499) await nextTick();
    }
    const minDf = options.minDf ?? 1;
    const maxFeatures = options.maxFeatures ?? 200_000;
    let kept = [...df.entries()].filter(([, n]) => n >= minDf);
    // Sorting 100k+ entries holds the event loop; only needed when there are too many (stable: ties keep first-seen order).
    if (kept.length > maxFeatures) kept = kept.sort((a, b) => b[1] - a[1]).slice(0, maxFeatures);
    const vocabulary = new Map<string, number>();
    const idf = new Float32Array(kept.length);
    kept.forEach(([f, n], i) => {
      vocabulary.set(f, i);
      idf[i] = Math.log((1 + docs.length) / (1 + n)) + 1;
    });
    return new Vectorizer(vocabulary, idf);
  }

  /** Many documents, yielding to the event loop between chunks. */
  async transformAll(docs: readonly (readonly string[])[]): Promise<SparseVector[]> {
    const out: SparseVector[] = [];
    for (let d = 0; d < docs.length; d++) {
      out.push(this.transform(docs[d]!));
      if (d % 500 === 499) await nextTick();
    }
    return out;
  }

  transform(doc: readonly string[]): SparseVector {
    const tf = new Map<number, number>();
    for (const f of doc) {
      const i = this.vocabulary.get(f);
      if (i !== undefined) tf.set(i, (tf.get(i) ?? 0) + 1);
    }
    const index = Int32Array.from(tf.keys());
    const value = new Float32Array(index.length);
    let norm = 0;
    index.forEach((i, k) => {
      const w = (1 + Math.log(tf.get(i)!)) * this.idf[i]!;
      value[k] = w;
      norm += w * w;
    });
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < value.length; k++) value[k] = value[k]! / norm;
    return { index, value };
  }
}
