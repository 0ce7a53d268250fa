import type { AppDeps } from '../app-deps.ts';
import type { Db } from '../platform/db/open.ts';
import { startWorker, type JobHandler } from '../platform/jobs/queue.ts';
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
import { devicesModule } from './devices/index.ts';
import { patrolsModule } from './patrols/index.ts';
import { participationModule } from './participation/index.ts';
import { contactModule } from './contact/index.ts';
import { outreachModule } from './outreach/index.ts';
import { kioskModule } from './kiosk/index.ts';
import { schoolModule } from './school/index.ts';
import { cadresModule } from './cadres/index.ts';
import { notifyModule } from './notify/index.ts';
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
  devicesModule,
  patrolsModule,
  participationModule,
  contactModule,
  outreachModule,
  kioskModule,
  schoolModule,
  cadresModule,
  notifyModule,
];

// The analytics registry reads the providers from here instead of importing this file (which imports analytics).
registerStatProviders(MODULES.flatMap((m) => m.stats ?? []));

/** Periodic jobs of the platform itself (no module owns them). */
export const PLATFORM_PERIODIC = [livePrunePeriodic];

/** Periodic kinds that run on a worker of their own (see ModuleManifest.periodic). */
export function ownWorkerKinds(): string[] {
  return MODULES.flatMap((m) => (m.periodic ?? []).filter((p) => p.ownWorker).map((p) => p.kind));
}

/** The server's job workers: one for the shared queue, one per own-worker kind. */
export function startJobWorkers(db: Db, handlers: Record<string, JobHandler>, onError: (e: unknown) => void) {
  const own = ownWorkerKinds();
  const workers = [
    startWorker(db, Object.fromEntries(Object.entries(handlers).filter(([kind]) => !own.includes(kind))), { onError }),
    ...own.filter((kind) => handlers[kind]).map((kind) => startWorker(db, { [kind]: handlers[kind]! }, { onError })),
  ];
  return {
    async stop() {
      await Promise.all(workers.map((w) => w.stop()));
    },
  };
}

/** Every module's job handlers by kind, and the platform's. */
export function jobHandlers(deps: AppDeps): Record<string, JobHandler> {
  return Object.assign({ [LIVE_PRUNE_JOB]: livePruneHandler }, ...MODULES.map((m) => m.jobs?.(deps) ?? {}));
}
