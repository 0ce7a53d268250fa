import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { loadDistrictFixture } from './fixture.ts';
import { generateDistrictGeometry, generateGridContents } from './generate-geometry.ts';

const grids = generateDistrictGeometry(loadDistrictFixture()).streets.flatMap((s) =>
  s.communities.flatMap((c) => c.grids),
);

describe('generateGridContents', () => {
  it('creates houses that add up to the grid households, for every grid', () => {
    const all = grids.map((g) => generateGridContents(g, 1));
    all.forEach((contents, i) => {
      const houses = contents.estates.flatMap((e) => e.buildings.flatMap((b) => b.houses));
      expect(houses.length).toBe(grids[i]?.households);
    });
  });

  it('places old-town walk-ups of 3–7 floors inside the grid, with rooms named unit-floor-room', () => {
    for (const grid of grids.slice(0, 30)) {
      const { estates } = generateGridContents(grid, 1);
      expect(estates.length).toBeGreaterThan(0);
      expect(new Set(estates.map((e) => e.name)).size).toBe(estates.length);
      for (const estate of estates) {
        expect(estate.name).toMatch(estate.kind === 'lane' ? /(街|巷|路|坊|场|桥)$/ : /(新村|小区|花园|苑|公寓|坊)$/);
        for (const b of estate.buildings) {
          expect(b.floors >= 3 && b.floors <= 7).toBe(true);
          expect(b.name).toMatch(estate.kind === 'lane' ? /\d+号$/ : /^\d+幢$/);
          expect(booleanPointInPolygon(b.location, grid.polygon)).toBe(true);
          for (const h of b.houses) {
            expect(h.room).toBe(`${h.unit}-${h.floor}${h.room.slice(-2)}`);
            expect(h.floor <= b.floors && h.unit <= b.units).toBe(true);
          }
          expect(new Set(b.houses.map((h) => h.room)).size).toBe(b.houses.length);
        }
      }
    }
  });

  it('is deterministic per grid and seed', () => {
    const grid = grids[42];
    if (!grid) throw new Error('no grid');
    expect(generateGridContents(grid, 'demo')).toEqual(generateGridContents(grid, 'demo'));
    expect(generateGridContents(grid, 'demo')).not.toEqual(generateGridContents(grid, 'other'));
  });
});
