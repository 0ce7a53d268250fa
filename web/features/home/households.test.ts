import { describe, expect, it } from 'vitest';
import { householdBars } from './households';
import type { GridFeature } from '../grid-map/types';

const grid = (id: number, communityId: number, households: number): GridFeature => ({
  type: 'Feature',
  id,
  geometry: { type: 'Polygon', coordinates: [] },
  properties: {
    id,
    code: String(id),
    name: `第${id}网格`,
    households,
    buildings: 1,
    communityId,
    communityName: `社区${communityId}`,
    gridWorker: null,
    branch: null,
  },
});

describe('householdBars', () => {
  it('lists grids within one community, largest first', () => {
    expect(householdBars([grid(1, 5, 300), grid(2, 5, 420)])).toEqual({
      title: '各网格户数',
      bars: [
        { name: '第2网格', households: 420 },
        { name: '第1网格', households: 300 },
      ],
    });
  });

  it('sums grids per community above that', () => {
    expect(householdBars([grid(1, 5, 300), grid(2, 6, 420), grid(3, 5, 400)]).bars).toEqual([
      { name: '社区5', households: 700 },
      { name: '社区6', households: 420 },
    ]);
  });
});
