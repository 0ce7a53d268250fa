import { describe, expect, it } from 'vitest';
import { draftOf, geometryOf, insertVertex, moveVertex, removeVertex, selfIntersections } from './boundary-draft';
import type { Geometry } from '../types';

const square: Geometry = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
      [0, 0],
    ],
  ],
};

describe('boundary draft', () => {
  it('round-trips a Polygon and a MultiPolygon', () => {
    expect(geometryOf(draftOf(square))).toEqual(square);
    const multi: Geometry = {
      type: 'MultiPolygon',
      coordinates: [
        square.coordinates as never,
        [
          [
            [5, 5],
            [6, 5],
            [6, 6],
            [5, 5],
          ],
        ],
      ],
    };
    expect(geometryOf(draftOf(multi))).toEqual(multi);
  });

  it('moving a vertex across the opposite edge is reported as a crossing at the right place', () => {
    const d = draftOf(square);
    expect(selfIntersections(d)).toEqual([]);
    const bow = moveVertex(d, { part: 0, ring: 0, index: 1 }, [2.5, 0.5]);
    expect(selfIntersections(bow)).toEqual([]);
    const crossed = moveVertex(
      moveVertex(d, { part: 0, ring: 0, index: 2 }, [0, 2]),
      { part: 0, ring: 0, index: 3 },
      [2, 2],
    );
    expect(selfIntersections(crossed)).toEqual([[1, 1]]);
  });

  it('inserts on an edge and refuses to remove below three vertices', () => {
    const d = insertVertex(draftOf(square), { part: 0, ring: 0, index: 0 }, [1, 0]);
    expect(d[0]![0]).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
      [2, 2],
      [0, 2],
    ]);
    const tri = removeVertex(removeVertex(d, { part: 0, ring: 0, index: 1 })!, { part: 0, ring: 0, index: 3 })!;
    expect(tri[0]![0]).toHaveLength(3);
    expect(removeVertex(tri, { part: 0, ring: 0, index: 0 })).toBeNull();
  });
});
