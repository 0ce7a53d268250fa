import type { ModuleManifest } from '../manifest.ts';
import { cadresRoutes } from './routes.ts';
import { cadreStats } from './stats-provider.ts';

export { seedDemoCadres } from './seed.ts';

/** Posts per node, the cadre database and reserve pool, grid force rosters (shown on the grid card via stats). */
export const cadresModule: ModuleManifest = {
  name: 'cadres',
  routes: cadresRoutes as ModuleManifest['routes'],
  stats: cadreStats,
};
