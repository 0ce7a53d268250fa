import type { ModuleManifest } from '../manifest.ts';
import { refreshRollups, REFRESH_EVERY_SECONDS } from './refresh.ts';
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
    [ANALYTICS_REFRESH_JOB]: async ({ reportProgress }) => {
      await reportProgress(await refreshRollups(deps.db, allProviders()));
    },
    [ANALYTICS_SNAPSHOT_JOB]: async ({ reportProgress }) => {
      await reportProgress({ written: await refreshSnapshots(deps.db, allProviders()) });
    },
  }),
  // The rollup refresh has a worker of its own: behind an import or the snapshot job in the shared
  // queue, the month panel would lag by minutes; alone it keeps month figures ≤ 10 s behind a case.
  periodic: [
    { kind: ANALYTICS_REFRESH_JOB, everySeconds: REFRESH_EVERY_SECONDS, ownWorker: true },
    { kind: ANALYTICS_SNAPSHOT_JOB, everySeconds: SNAPSHOT_EVERY_SECONDS },
  ],
};

export { refreshRollups } from './refresh.ts';
export { refreshSnapshots } from './snapshots.ts';
