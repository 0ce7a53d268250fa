import { describe, expect, it } from 'vitest';
import { pinProjection } from './pin-projection';
import type { Geometry } from '../grid-map/types';

const square: Geometry = {
  type: 'Polygon',
  coordinates: [
    [
      [120.6, 31.3],
      [120.62, 31.3],
      [120.62, 31.31],
      [120.6, 31.31],
      [120.6, 31.3],
    ],
  ],
};

describe('pinProjection', () => {
  it('inverts the grid map projection, so a clicked pixel becomes the point drawn there', () => {
    const p = pinProjection([square], 390, 300)!;
    for (const point of [
      [120.6, 31.3],
      [120.611, 31.3042],
      [120.62, 31.31],
    ] as [number, number][]) {
      const [lng, lat] = p.invert(p.project(point));
      expect(lng).toBeCloseTo(point[0], 6);
      expect(lat).toBeCloseTo(point[1], 6);
    }
  });

  it('has nothing to project without geometry', () => {
    expect(pinProjection([], 100, 100)).toBeNull();
  });
});
