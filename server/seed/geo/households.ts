/** Household counts: communities of realistic size, split into grids of 350–500 households. */
import type { Rng } from './prng.ts';

export type Range = [number, number];

/**
 * How many grids a community of `households` needs. Aims at about two thirds of the way up the
 * range (450 for 350–500, as grid workers are staffed for), then nudges the count until the
 * average fits the range.
 */
export function gridCount(households: number, [min, max]: Range): number {
  let k = Math.max(1, Math.ceil(households / (min + ((max - min) * 2) / 3)));
  while (k > 1 && households < k * min) k--;
  while (households > k * max) k++;
  return k;
}

/** Splits `households` into `k` counts within [min, max] that add up exactly. */
export function splitHouseholds(households: number, k: number, [min, max]: Range, rng: Rng): number[] {
  const base = Math.floor(households / k);
  const counts = Array.from({ length: k }, (_, i) => base + (i < households % k ? 1 : 0));
  // Random transfers keep the sum and never push a count out of range: grids differ a little.
  for (let t = 0; t < k * 4; t++) {
    const from = rng.int(0, k - 1),
      to = rng.int(0, k - 1);
    const a = counts[from] as number,
      b = counts[to] as number;
    const room = Math.min(a - min, max - b, 40);
    if (from === to || room <= 0) continue;
    const d = rng.int(1, room);
    counts[from] = a - d;
    counts[to] = b + d;
  }
  return counts;
}
