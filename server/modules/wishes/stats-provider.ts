import type { StatProvider } from '../analytics/stat-provider.ts';
import { wishesFulfilled } from './stats.ts';

export const wishesStats: StatProvider[] = [
  {
    name: 'wishes.fulfilled',
    label: '心愿圆梦',
    kind: 'figure',
    compute: (db, q) => wishesFulfilled(db, { scopePath: q.scopePath, from: q.from, to: q.to }),
  },
];
