import { STAR_INDICATOR_LABELS, type Indicator } from './types';

/** Indicator weights as shares of 100 (the formula divides by Σweight), rounded to one decimal. */
export function weightShares(indicators: readonly Indicator[]): Record<string, number> {
  const total = indicators.reduce((s, i) => s + i.weight, 0);
  return Object.fromEntries(indicators.map((i) => [i.key, total ? Math.round((1000 * i.weight) / total) / 10 : 0]));
}

/**
 * The branch-star formula written out with this configuration's weights and targets, e.g.
 * "得分 = 100 × (25 × min(1, 按期处置率 ÷ 0.9) + …) ÷ 100" — what a run with it will compute.
 */
export function formulaWithWeights(indicators: readonly Indicator[]): string {
  const used = indicators.filter((i) => i.weight > 0);
  const total = used.reduce((s, i) => s + i.weight, 0);
  if (!used.length) return '至少一个指标权重大于 0';
  const terms = used.map((i) => `${i.weight} × min(1, ${STAR_INDICATOR_LABELS[i.key] ?? i.key} ÷ ${i.target})`);
  return `得分 = 100 × (${terms.join(' + ')}) ÷ ${total}`;
}
