import type { AppDeps } from '../app-deps.ts';
import type { JobHandler } from '../platform/jobs/queue.ts';
import { LIVE_PRUNE_JOB, livePruneHandler, livePrunePeriodic } from '../platform/live/prune-job.ts';
import { accountsRoutes } from './accounts/routes.ts';
import { signupRoutes } from './accounts/signup/routes.ts';
import { homeRoutes } from './home/routes.ts';
import { orgRoutes } from './org/routes.ts';
import { partyModule } from './party/index.ts';
import { wishesModule } from './wishes/index.ts';
import { volunteersModule } from './volunteers/index.ts';
import { casesModule } from './cases/index.ts';
import { meetingsModule } from './meetings/index.ts';
import { servicesModule } from './services/index.ts';
import { boardsModule } from './boards/index.ts';
import { ratingsModule } from './ratings/index.ts';
import { peopleModule } from './people/index.ts';
import { open311Module } from './open311/index.ts';
import { analyticsModule } from './analytics/index.ts';
import { auditModule } from './audit/index.ts';
import { setupModule } from './setup/index.ts';
import type { ModuleManifest } from './manifest.ts';
import { registerStatProviders } from './analytics/registry.ts';
import { orgStats } from './org/stats.ts';

export type { ModuleManifest } from './manifest.ts';

export const MODULES: ModuleManifest[] = [
  { name: 'accounts', routes: accountsRoutes as ModuleManifest['routes'] },
  { name: 'signup', routes: signupRoutes as ModuleManifest['routes'] },
  { name: 'home', routes: homeRoutes as ModuleManifest['routes'] },
  { name: 'org', routes: orgRoutes as ModuleManifest['routes'], stats: orgStats },
  partyModule,
  wishesModule,
  volunteersModule,
  casesModule,
  meetingsModule,
  servicesModule,
  boardsModule,
  ratingsModule,
  peopleModule,
  analyticsModule,
  open311Module,
  auditModule,
  setupModule,
];

// The analytics registry reads the providers from here instead of importing this file (which imports analytics).
registerStatProviders(MODULES.flatMap((m) => m.stats ?? []));

/** Periodic jobs of the platform itself (no module owns them). */
export const PLATFORM_PERIODIC = [livePrunePeriodic];

/** Every module's job handlers by kind, and the platform's. */
export function jobHandlers(deps: AppDeps): Record<string, JobHandler> {
  return Object.assign({ [LIVE_PRUNE_JOB]: livePruneHandler }, ...MODULES.map((m) => m.jobs?.(deps) ?? {}));
}
