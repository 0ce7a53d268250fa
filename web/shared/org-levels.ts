import type { z } from 'zod';
import type { nodeLevelSchema } from '../../contracts/accounts.ts';

/** Levels of the governance tree, top to bottom (domain.md §2). */
export const NODE_LEVELS = [
  'district',
  'street',
  'community',
  'grid',
  'estate',
  'building',
  'house',
] as const satisfies readonly NodeLevel[];

export type NodeLevel = z.infer<typeof nodeLevelSchema>;

export const LEVEL_LABELS: Record<NodeLevel, string> = {
  district: '区',
  street: '街道',
  community: '社区',
  grid: '网格',
  estate: '小区',
  building: '楼栋',
  house: '房屋',
};

/** Keys of the `counts` object of GET /api/org/nodes/:id, one per level below the district. */
export type CountKey = 'streets' | 'communities' | 'grids' | 'estates' | 'buildings' | 'houses';

export const COUNT_LEVELS: { key: CountKey; level: NodeLevel; label: string }[] = [
  { key: 'streets', level: 'street', label: '街道' },
  { key: 'communities', level: 'community', label: '社区' },
  { key: 'grids', level: 'grid', label: '网格' },
  { key: 'estates', level: 'estate', label: '小区' },
  { key: 'buildings', level: 'building', label: '楼栋' },
  { key: 'houses', level: 'house', label: '房屋' },
];

/** The counts worth showing for a node: only levels below it (a community has no streets). */
export function countLevelsBelow(level: NodeLevel): typeof COUNT_LEVELS {
  const depth = NODE_LEVELS.indexOf(level);
  return COUNT_LEVELS.filter((c) => NODE_LEVELS.indexOf(c.level) > depth);
}

/** Code length per level (server/modules/org/codes.ts): 6/9/12 national, then +3 grid, +3 estate, +3 building, +4 house. */
export const CODE_LENGTHS: Record<NodeLevel, number> = {
  district: 6,
  street: 9,
  community: 12,
  grid: 15,
  estate: 18,
  building: 21,
  house: 25,
};
