import { describe, expect, it } from 'vitest';
import { bboxOf, fitProjection, labelAnchor, pathOf } from './projection';
import { zoomAt } from './zoom';
import type { Geometry, Position } from './types';

/** A square polygon's rings (one outer ring, no holes). */
const ring = (lng: number, lat: number, size: number): Position[][] => [
  [
    [lng, lat],
    [lng + size, lat],
    [lng + size, lat + size],
    [lng, lat + size],
    [lng, lat],
  ],
];
const square = (lng: number, lat: number, size: number): Geometry => ({
  type: 'Polygon',
  coordinates: ring(lng, lat, size),
});

describe('fitProjection', () => {
  const geometries = [square(120, 30, 0.01), square(120.01, 30, 0.01)];
  const bbox = bboxOf(geometries)!;

  it('puts north at the top and keeps everything inside the padded box', () => {
    const project = fitProjection(bbox, 400, 300, 20);
    const [, yNorth] = project([120, 30.01]);
    const [, ySouth] = project([120, 30]);
    expect(yNorth).toBeLessThan(ySouth);
    for (const p of [project([120, 30]), project([120.02, 30.01])]) {
      expect(p[0]).toBeGreaterThanOrEqual(20 - 1e-9);
      expect(p[0]).toBeLessThanOrEqual(380 + 1e-9);
      expect(p[1]).toBeGreaterThanOrEqual(20 - 1e-9);
      expect(p[1]).toBeLessThanOrEqual(280 + 1e-9);
    }
  });

  it('shrinks longitude by cos(latitude) so squares on the ground stay square', () => {
    const project = fitProjection(bboxOf([square(120, 60, 0.01)])!, 500, 500, 0);
    const [x0, y0] = project([120, 60]);
    const [x1, y1] = project([120.01, 60.01]);
    expect((x1 - x0) / (y0 - y1)).toBeCloseTo(Math.cos((60.005 * Math.PI) / 180), 3);
  });

  it('survives a degenerate box', () => {
    const project = fitProjection({ minLng: 1, maxLng: 1, minLat: 2, maxLat: 2 }, 100, 100);
    expect(project([1, 2]).every(Number.isFinite)).toBe(true);
  });
});

describe('pathOf and labelAnchor', () => {
  const identity = ([x, y]: [number, number]): [number, number] => [x, y];

  it('writes one closed subpath per ring, rounded to 0.1 px', () => {
    expect(pathOf(square(0, 0, 10.04), identity)).toBe('M0 0L10 0L10 10L0 10L0 0Z');
  });

  it('anchors the label at the centre of the largest polygon', () => {
    const multi: Geometry = { type: 'MultiPolygon', coordinates: [ring(0, 0, 2), ring(10, 10, 6)] };
    expect(labelAnchor(multi, identity)).toEqual({ at: [13, 13], width: 6 });
  });

  it('keeps the label of an L-shaped grid inside the grid, away from its edges', () => {
    const ell: Geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [12, 0],
          [12, 3],
          [3, 3],
          [3, 12],
          [0, 12],
          [0, 0],
        ],
      ],
    };
    const { at } = labelAnchor(ell, identity);
    const inLowerArm = at[1] > 0 && at[1] < 3 && at[0] > 0 && at[0] < 12;
    const inLeftArm = at[0] > 0 && at[0] < 3 && at[1] > 0 && at[1] < 12;
    expect(inLowerArm || inLeftArm).toBe(true);
  });
});

describe('zoomAt', () => {
  it('keeps the point under the cursor fixed', () => {
    const before = { k: 2, x: 10, y: -5 };
    const after = zoomAt(before, 100, 80, 1.5);
    const worldX = (100 - before.x) / before.k;
    expect(worldX * after.k + after.x).toBeCloseTo(100);
    expect(after.k).toBe(3);
  });

  it('clamps the zoom range', () => {
    expect(zoomAt({ k: 1, x: 0, y: 0 }, 0, 0, 1000).k).toBe(40);
    expect(zoomAt({ k: 1, x: 0, y: 0 }, 0, 0, 0.001).k).toBe(0.5);
  });
});
