import type { ModuleManifest } from '../manifest.ts';
import { refreshRollups } from './refresh.ts';
import { allProviders } from './registry.ts';
import { analyticsRoutes } from './routes.ts';
import { refreshSnapshots, SNAPSHOT_EVERY_SECONDS } from './snapshots.ts';

export const ANALYTICS_REFRESH_JOB = 'analytics.refresh';
export const ANALYTICS_SNAPSHOT_JOB = 'analytics.snapshots';

/** Big screen and one map: figures from every module's stat providers, big ones from rollups refreshed here. */
export const analyticsModule: ModuleManifest = {
  name: 'analytics',
  routes: analyticsRoutes as ModuleManifest['routes'],
  jobs: (deps) => ({
    [ANALYTICS_REFRESH_JOB]: async ({ reportProgress }) => { await reportProgress(await refreshRollups(deps.db, allProviders())); },
    [ANALYTICS_SNAPSHOT_JOB]: async ({ reportProgress }) => { await reportProgress({ written: await refreshSnapshots(deps.db, allProviders()) }); },
  }),
  periodic: [{ kind: ANALYTICS_REFRESH_JOB, everySeconds: 30 }, { kind: ANALYTICS_SNAPSHOT_JOB, everySeconds: SNAPSHOT_EVERY_SECONDS }],
};

export { refreshRollups } from './refresh.ts';
export { refreshSnapshots } from './snapshots.ts';
