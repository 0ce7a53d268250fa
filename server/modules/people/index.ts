import type { ModuleManifest } from '../index.ts';
import { importJobs } from './import/run-import.ts';
import { peopleRoutes } from './routes.ts';
import { peopleStats } from './stats.ts';

/** Base data (实有人口、房屋、法人单位、城市部件): routes and the background import job. */
export const peopleModule: ModuleManifest = {
  name: 'people',
  routes: peopleRoutes as ModuleManifest['routes'],
  jobs: importJobs,
  stats: peopleStats,
};
export { seedDemoResidents } from './seed.ts';
