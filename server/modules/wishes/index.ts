import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { JobHandler } from '../../platform/jobs/queue.ts';
import { releaseExpiredClaims } from './commands/release-expired.ts';
import { wishesRoutes } from './routes.ts';
import { wishesStats } from './stats-provider.ts';

export const WISH_RELEASE_JOB = 'wishes.release_expired';

/** Micro-wishes, micro-projects and service posts: one publish/claim/fulfil/confirm engine, with the deadline sweep. */
export const wishesModule = {
  name: 'wishes',
  routes: wishesRoutes as (deps: AppDeps) => FastifyPluginAsync,
  jobs(): Record<string, JobHandler> {
    return {
      [WISH_RELEASE_JOB]: async ({ db, reportProgress }) => {
        await reportProgress({ released: await releaseExpiredClaims(db) });
      },
    };
  },
  periodic: [{ kind: WISH_RELEASE_JOB, everySeconds: 600 }],
  stats: wishesStats,
};
export { wishesFulfilled } from './stats.ts';
export { wishTodoCounts } from './todos.ts';
export { seedDemoWishes } from './seed.ts';
