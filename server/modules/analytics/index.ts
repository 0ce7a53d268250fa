import type { ModuleManifest } from '../index.ts';
import { refreshRollups } from './refresh.ts';
import { allProviders } from './registry.ts';
import { analyticsRoutes } from './routes.ts';

export const ANALYTICS_REFRESH_JOB = 'analytics.refresh';

/** Big screen and one map: figures from every module's stat providers, big ones from rollups refreshed here. */
export const analyticsModule: ModuleManifest = {
  name: 'analytics',
  routes: analyticsRoutes as ModuleManifest['routes'],
  jobs: (deps) => ({
    [ANALYTICS_REFRESH_JOB]: async ({ reportProgress }) => { await reportProgress(await refreshRollups(deps.db, allProviders())); },
  }),
  periodic: [{ kind: ANALYTICS_REFRESH_JOB, everySeconds: 30 }],
};

export { refreshRollups } from './refresh.ts';
