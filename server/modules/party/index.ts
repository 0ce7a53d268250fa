import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { JobHandler } from '../../platform/jobs/queue.ts';
import { raiseAlerts } from './alerts.ts';
import { partyCoUnitRoutes } from './routes-co-units.ts';
import { partyOrgRoutes } from './routes-org.ts';
import { partyOrgTreeRoutes } from './routes-party-orgs.ts';
import { partyCommitmentRoutes } from './routes-commitments.ts';
import { partyMemberRoutes } from './routes.ts';
import { partyStats } from './stats-provider.ts';

export { awardPoints, type AwardInput, type AwardResult, type PointSourceKind } from './points.ts';
export { seedParty } from './seed.ts';
export { branchRoster } from './branch-roster.ts';

export const PARTY_ALERT_JOB = 'party.alerts';

/** The party module's manifest: member and branch routes, and the hourly alert sweep. */
export const partyModule = {
  name: 'party',
  routes(deps: AppDeps): FastifyPluginAsync {
    return async (app) => {
      await app.register(partyMemberRoutes(deps));
      await app.register(partyOrgRoutes(deps));
      await app.register(partyCoUnitRoutes(deps));
      await app.register(partyOrgTreeRoutes(deps));
      await app.register(partyCommitmentRoutes(deps));
    };
  },
  jobs(): Record<string, JobHandler> {
    return {
      [PARTY_ALERT_JOB]: async ({ db, reportProgress }) => {
        await reportProgress(await raiseAlerts(db, new Date()));
      },
    };
  },
  periodic: [{ kind: PARTY_ALERT_JOB, everySeconds: 3600 }],
  stats: partyStats,
};
export { memberPoints } from './stats.ts';
export { memberTodoCounts, coUnitMemberCount } from './todos.ts';
export { memberOfUser, membersOfCommunity, memberNames, yearCommitments } from './public-members.ts';
export { seedDemoCommitments } from './seed-commitments.ts';
