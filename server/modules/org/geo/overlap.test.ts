import { describe, expect, it } from 'vitest';
import { outsideParent, uncoveredArea } from './coverage.ts';
import { findOverlaps } from './overlap.ts';
import type { GeoPolygon } from './types.ts';

/** Axis-aligned box as a counter-clockwise polygon, in 姑苏区 (0.001° ≈ 95 m × 111 m). */
const rect = (w: number, s: number, e: number, n: number): GeoPolygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});
const X = 120.62,
  Y = 31.31,
  D = 0.001;
const community = rect(X, Y, X + 2 * D, Y + D);
const west = rect(X, Y, X + D, Y + D),
  east = rect(X + D, Y, X + 2 * D, Y + D);

describe('findOverlaps', () => {
  it('reports each overlapped grid with the overlapping area in m²', () => {
    const candidate = rect(X + D / 2, Y, X + 1.5 * D, Y + D); // half of each neighbour
    const hits = findOverlaps(candidate, [
      { id: 1, code: 'A', polygon: west },
      { id: 2, code: 'B', polygon: east },
    ]);
    expect(hits.map((h) => h.code)).toEqual(['A', 'B']);
    for (const h of hits) expect(h.areaM2).toBeGreaterThan(4500); // ≈ 47.6 m × 111 m
    expect(hits[0]?.areaM2).toBeCloseTo(hits[1]?.areaM2 ?? 0, -1);
  });

  it('does not count a shared edge or a shared corner as an overlap', () => {
    expect(findOverlaps(east, [{ id: 1, code: 'A', polygon: west }])).toEqual([]);
    expect(findOverlaps(rect(X + D, Y + D, X + 2 * D, Y + 2 * D), [{ id: 1, code: 'A', polygon: west }])).toEqual([]);
  });

  it('ignores overlaps below the tolerance', () => {
    const sliver = rect(X + D - 1e-8, Y, X + 2 * D, Y + D); // 1 mm into its neighbour
    expect(findOverlaps(sliver, [{ id: 1, code: 'A', polygon: west }])).toEqual([]);
    expect(findOverlaps(sliver, [{ id: 1, code: 'A', polygon: west }], { toleranceM2: 0.01 })).toHaveLength(1);
  });

  it('finds an overlap with an edge that is not vertex-matched (T-junction)', () => {
    const tall = rect(X + D * 0.99, Y - D, X + 2 * D, Y + 2 * D);
    expect(findOverlaps(tall, [{ id: 7, code: 'A', polygon: west }])).toEqual([
      { id: 7, code: 'A', areaM2: expect.any(Number) },
    ]);
  });
});

describe('uncoveredArea', () => {
  it('is zero when grids tile the community', () => {
    expect(uncoveredArea(community, [west, east])).toEqual({ areaM2: 0, ratio: 0, geometry: null });
    expect(uncoveredArea(community, [{ polygon: west }, { polygon: east }]).areaM2).toBe(0);
  });

  it('reports the gap, its share and its shape', () => {
    const r = uncoveredArea(community, [west]);
    expect(r.ratio).toBeCloseTo(0.5, 3);
    expect(r.areaM2).toBeGreaterThan(10_000);
    expect(r.geometry?.type).toBe('Polygon');
  });

  it('is the whole community when there are no grids', () => {
    expect(uncoveredArea(community, []).ratio).toBeCloseTo(1, 6);
  });
});

describe('outsideParent', () => {
  it('is zero for a grid inside its community, even along the community edge', () => {
    expect(outsideParent(west, community).areaM2).toBe(0);
  });

  it('measures the part of a grid beyond its community', () => {
    const r = outsideParent(rect(X + 1.5 * D, Y, X + 2.5 * D, Y + D), community);
    expect(r.ratio).toBeCloseTo(0.5, 3);
  });
});
