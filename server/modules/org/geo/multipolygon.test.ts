import { describe, expect, it } from 'vitest';
import { GridLocator } from './grid-locator.ts';
import type { GeoMultiPolygon, LngLat } from './types.ts';
import { validateGridPolygon } from './validate-polygon.ts';

const ring = (w: number, s: number, e: number, n: number): LngLat[] => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];
// A grid on both banks of a canal: a block with a courtyard (hole) and a detached block.
const twoBanks: GeoMultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [
    [ring(120.6, 31.3, 120.604, 31.304), [...ring(120.601, 31.301, 120.602, 31.302)].reverse()],
    [ring(120.606, 31.3, 120.608, 31.302)],
  ],
};

describe('MultiPolygon grids', () => {
  const locator = GridLocator.build([
    { id: 1, code: '320508017003001', polygon: twoBanks },
    {
      id: 2,
      code: '320508017003002',
      polygon: { type: 'Polygon', coordinates: [ring(120.6012, 31.3012, 120.6018, 31.3018)] },
    },
  ]);
  it.each([
    ['the first part', 120.603, 31.303, 1],
    ['the second part, across the canal', 120.607, 31.301, 1],
    ['the canal between the parts', 120.605, 31.301, null],
    ['the hole of the first part', 120.6011, 31.3011, null],
    ['a grid drawn inside the hole', 120.6015, 31.3015, 2],
  ])('locates a point in %s', (_where, lng, lat, id) => {
    expect(locator.locate(lng, lat)?.id ?? null).toBe(id);
  });

  it('accepts a MultiPolygon and normalises its rings; a one-part MultiPolygon becomes a Polygon', () => {
    const result = validateGridPolygon(twoBanks);
    expect(result.ok).toBe(true);
    const single = validateGridPolygon({
      type: 'MultiPolygon',
      coordinates: [[[...ring(120.6, 31.3, 120.601, 31.301)].reverse()]],
    });
    expect(single).toEqual({
      ok: true,
      polygon: { type: 'Polygon', coordinates: [ring(120.6, 31.3, 120.601, 31.301)] },
    });
  });

  it('refuses overlapping parts and names the feature and the point where a part crosses itself', () => {
    const overlapping = validateGridPolygon({
      type: 'MultiPolygon',
      coordinates: [[ring(120.6, 31.3, 120.602, 31.302)], [ring(120.601, 31.301, 120.603, 31.303)]],
    });
    expect(overlapping).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringMatching(/^第 1 块与第 2 块相互重叠约 \d+ 平方米$/) }],
    });
    const bowtie = {
      type: 'MultiPolygon',
      coordinates: [
        [ring(120.61, 31.3, 120.611, 31.301)],
        [
          [
            [120.6, 31.3],
            [120.602, 31.302],
            [120.602, 31.3],
            [120.6, 31.302],
            [120.6, 31.3],
          ],
        ],
      ],
    };
    const result = validateGridPolygon(bowtie, { label: '网格"平江第一网格"' });
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          path: 'geometry.coordinates[1]',
          message: '网格"平江第一网格"：多边形自相交：边在 [120.601, 31.301] 处交叉或重叠',
        },
      ],
    });
  });
});
