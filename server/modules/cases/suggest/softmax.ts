import type { SparseVector } from './features.ts';

/**
 * Multinomial logistic regression (softmax) trained by SGD with L2 regularisation, written here
 * rather than taken from npm (checked with `npm view`): ml-logistic-regression 2.0.0 is one-vs-rest
 * over dense ml-matrix matrices (50k features × thousands of texts dense is gigabytes); libsvm-js
 * 0.2.1 is an emscripten build of libsvm, unmaintained, with no calibrated multiclass output we
 * control; natural 8 ships mongoose, redis and pg as dependencies and English tokenisers. None can
 * yield to the event loop while training inside the server process. The whole model is ~100 lines.
 *
 * Weights are stored feature-major (row j = the K class weights of feature j) in one Float32Array;
 * the L2 decay uses the usual lazy scale factor so each step only touches the sample's features.
 */
export interface SoftmaxOptions {
  epochs?: number;
  /** L2 strength per sample (sklearn's alpha). */
  l2?: number;
  learningRate?: number;
  seed?: number;
  /** Yield to the event loop every this many samples (0: never), so training never stalls requests. */
  yieldEvery?: number;
}

export class SoftmaxModel {
  constructor(
    readonly classes: number,
    readonly weights: Float32Array,
    readonly bias: Float64Array,
  ) {}

  /** Raw class scores (logits) of one sample. */
  logits(x: SparseVector): Float64Array {
    const k = this.classes;
    const out = Float64Array.from(this.bias);
    for (let n = 0; n < x.index.length; n++) {
      const row = x.index[n]! * k;
      const v = x.value[n]!;
      for (let c = 0; c < k; c++) out[c]! += v * this.weights[row + c]!;
    }
    return out;
  }
}

/** Softmax of logits divided by a temperature (>1 softens, <1 sharpens). */
export function softmax(logits: ArrayLike<number>, temperature = 1): Float64Array {
  let max = -Infinity;
  for (let c = 0; c < logits.length; c++) max = Math.max(max, logits[c]! / temperature);
  const out = new Float64Array(logits.length);
  let sum = 0;
  for (let c = 0; c < logits.length; c++) sum += out[c] = Math.exp(logits[c]! / temperature - max);
  for (let c = 0; c < out.length; c++) out[c]! /= sum;
  return out;
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function trainSoftmax(
  xs: readonly SparseVector[],
  ys: readonly number[],
  dims: number,
  classes: number,
  options: SoftmaxOptions = {},
): Promise<SoftmaxModel> {
  const epochs = options.epochs ?? 10;
  const l2 = options.l2 ?? 1e-4;
  const eta0 = options.learningRate ?? 2;
  const yieldEvery = options.yieldEvery ?? 500;
  const v = new Float32Array(dims * classes);
  const bias = new Float64Array(classes);
  const scores = new Float64Array(classes);
  let scale = 1;
  let t = 0;
  let seed = options.seed ?? 1;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const order = xs.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (let s = 0; s < order.length; s++) {
      if (yieldEvery && ++t % yieldEvery === 0) await nextTick();
      const x = xs[order[s]!]!;
      const y = ys[order[s]!]!;
      const eta = eta0 / (1 + eta0 * l2 * t);
      let max = -Infinity;
      for (let c = 0; c < classes; c++) scores[c] = bias[c]!;
      for (let n = 0; n < x.index.length; n++) {
        const row = x.index[n]! * classes;
        const w = x.value[n]! * scale;
        for (let c = 0; c < classes; c++) scores[c]! += w * v[row + c]!;
      }
      for (let c = 0; c < classes; c++) max = Math.max(max, scores[c]!);
      let sum = 0;
      for (let c = 0; c < classes; c++) sum += scores[c] = Math.exp(scores[c]! - max);
      scale *= 1 - eta * l2;
      for (let c = 0; c < classes; c++) {
        const g = scores[c]! / sum - (c === y ? 1 : 0);
        if (Math.abs(g) < 1e-4) continue;
        bias[c]! -= eta * g;
        const step = (eta * g) / scale;
        for (let n = 0; n < x.index.length; n++) v[x.index[n]! * classes + c]! -= step * x.value[n]!;
      }
      if (scale < 1e-6) {
        for (let i = 0; i < v.length; i++) v[i]! *= scale;
        scale = 1;
      }
    }
  }
  for (let i = 0; i < v.length; i++) v[i]! *= scale;
  return new SoftmaxModel(classes, v, bias);
}
