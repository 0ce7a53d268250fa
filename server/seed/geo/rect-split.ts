/**
 * Guillotine tiling: a rectangle is cut into parts whose areas follow the given weights.
 * Every cut is one straight meridian or parallel whose coordinate is computed once and copied
 * into both halves, so neighbours share edges bit for bit (no slivers, no gaps).
 */
import type { Rng } from './prng.ts';

/** Axis-aligned box in degrees: west, south, east, north. */
export interface Rect {
  w: number;
  s: number;
  e: number;
  n: number;
}

// 1e-6° ≈ 0.1 m: enough for demo boundaries and keeps the stored GeoJSON short.
const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

/** Metres per degree of longitude shrink with latitude; used to cut across the longer side. */
function widthToHeight(r: Rect): number {
  const midLat = ((r.s + r.n) / 2) * (Math.PI / 180);
  return ((r.e - r.w) * Math.cos(midLat)) / (r.n - r.s);
}

/**
 * Splits `rect` into weights.length rectangles, returned in the order of `weights`.
 * `jitter` (0–0.5) moves each cut by up to that fraction of its ideal share so that the map
 * does not look like graph paper; the cut never leaves the middle 70 % of the rectangle.
 */
export function splitRect(rect: Rect, weights: readonly number[], rng: Rng, jitter = 0.15): Rect[] {
  if (weights.length <= 1) return [rect];
  const total = weights.reduce((a, b) => a + b, 0);
  // Cut the list where the running sum comes closest to half, keeping both sides non-empty.
  let k = 1,
    acc = weights[0] ?? 0,
    best = Infinity;
  for (let i = 1, run = 0; i < weights.length; i++) {
    run += weights[i - 1] ?? 0;
    const diff = Math.abs(run - total / 2);
    if (diff < best) {
      best = diff;
      k = i;
      acc = run;
    }
  }
  const ideal = acc / total;
  const f = Math.min(0.85, Math.max(0.15, ideal * (1 + (rng.next() * 2 - 1) * jitter)));
  const left = weights.slice(0, k),
    right = weights.slice(k);
  if (widthToHeight(rect) >= 1) {
    const x = round6(rect.w + (rect.e - rect.w) * f);
    return [...splitRect({ ...rect, e: x }, left, rng, jitter), ...splitRect({ ...rect, w: x }, right, rng, jitter)];
  }
  // Horizontal cut: the first group goes north so that list order roughly reads north→south.
  const y = round6(rect.n - (rect.n - rect.s) * f);
  return [...splitRect({ ...rect, s: y }, left, rng, jitter), ...splitRect({ ...rect, n: y }, right, rng, jitter)];
}
