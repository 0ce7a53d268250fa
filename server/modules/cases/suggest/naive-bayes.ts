/**
 * Multinomial naive Bayes with Laplace smoothing, written here because the job is a few dozen
 * lines and the npm classifiers we looked at are unmaintained or bring their own (English)
 * tokenisers. Trained from the cases this installation has already classified.
 */
export interface Sample {
  tokens: readonly string[];
  label: string;
}
export interface Prediction {
  label: string;
  probability: number;
}

export class NaiveBayes {
  private readonly docCount = new Map<string, number>();
  private readonly tokenCount = new Map<string, Map<string, number>>();
  private readonly totalTokens = new Map<string, number>();
  private readonly vocabulary = new Set<string>();
  private samples = 0;

  static train(samples: Iterable<Sample>): NaiveBayes {
    const model = new NaiveBayes();
    for (const s of samples) model.add(s);
    return model;
  }

  get size(): number {
    return this.samples;
  }

  add({ tokens, label }: Sample): void {
    this.samples++;
    this.docCount.set(label, (this.docCount.get(label) ?? 0) + 1);
    const counts = this.tokenCount.get(label) ?? new Map<string, number>();
    this.tokenCount.set(label, counts);
    for (const t of tokens) {
      counts.set(t, (counts.get(t) ?? 0) + 1);
      this.vocabulary.add(t);
    }
    this.totalTokens.set(label, (this.totalTokens.get(label) ?? 0) + tokens.length);
  }

  /** Labels by posterior probability (normalised over the known labels), best first. */
  predict(tokens: readonly string[]): Prediction[] {
    if (!this.samples) return [];
    const v = this.vocabulary.size + 1;
    const scores: [string, number][] = [];
    for (const [label, docs] of this.docCount) {
      const counts = this.tokenCount.get(label)!;
      const total = this.totalTokens.get(label)!;
      let log = Math.log(docs / this.samples);
      for (const t of tokens) log += Math.log(((counts.get(t) ?? 0) + 1) / (total + v));
      scores.push([label, log]);
    }
    const max = Math.max(...scores.map(([, s]) => s));
    const sum = scores.reduce((acc, [, s]) => acc + Math.exp(s - max), 0);
    return scores
      .map(([label, s]) => ({ label, probability: Math.exp(s - max) / sum }))
      .sort((a, b) => b.probability - a.probability);
  }
}
