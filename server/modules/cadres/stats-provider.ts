import type { StatProvider } from '../analytics/stat-provider.ts';
import { forcesOf, nodePosts } from './queries.ts';

/**
 * What the grid card shows of this module, offered through the analytics registry (so analytics
 * never imports cadres): the force roster (phones masked) and the posts currently held in the grid.
 * The card is meant to show these names: it is how residents' problems find the right person.
 */
export const cadreStats: StatProvider[] = [
  {
    name: 'cadres.gridForces',
    label: '网格力量',
    kind: 'list',
    compute: (db, q) => forcesOf(db, q.scopePath),
  },
  {
    name: 'cadres.gridPosts',
    label: '网格内在任岗位',
    kind: 'list',
    compute: async (db, q) =>
      (await nodePosts(db, q.scopePath, false)).map((p) => ({
        kind: p.kind,
        title: p.title,
        name: p.cadreName,
        nodeName: p.nodeName,
      })),
  },
];
