import { STAR_INDICATOR_LABELS, type Indicator } from './types';

export interface BreakdownRow {
  key: string;
  label: string;
  weight: number;
  target: number;
  value: number | null;
  ratio: number;
  points: number;
}

/**
 * Each indicator's share of a branch's star score, from the stored inputs, by the formula the
 * run shows (branch-star/v1): points = 100 × weight × min(1, value ÷ target) ÷ Σweight.
 * The points add up to the score (before its rounding to one decimal).
 */
export function starBreakdown(inputs: {
  indicators: Indicator[];
  values: Record<string, number | null>;
}): BreakdownRow[] {
  const total = inputs.indicators.reduce((s, i) => s + i.weight, 0) || 1;
  return inputs.indicators.map((i) => {
    const value = inputs.values[i.key] ?? null;
    const ratio = Math.min(1, (value ?? 0) / i.target);
    return {
      key: i.key,
      label: STAR_INDICATOR_LABELS[i.key] ?? i.key,
      weight: i.weight,
      target: i.target,
      value,
      ratio,
      points: Math.round((1000 * i.weight * ratio) / total) / 10,
    };
  });
}

/** A street id from a scope path (/district/street/…); null for a district-wide user. */
export function streetIdOf(path: string | undefined): number | null {
  const id = Number(path?.split('/').filter(Boolean)[1]);
  return Number.isInteger(id) && id > 0 ? id : null;
}
