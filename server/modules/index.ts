import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../app-deps.ts';
import type { JobHandler } from '../platform/jobs/queue.ts';
import { accountsRoutes } from './accounts/routes.ts';
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
import { setupModule } from './setup/index.ts';
import type { StatProvider } from './analytics/stat-provider.ts';
import { orgStats } from './org/stats.ts';

/** A module's manifest: its routes, and the background jobs it runs (one-off kinds and periodic sweeps). */
export interface ModuleManifest {
  name: string;
  routes(deps: AppDeps): FastifyPluginAsync;
  jobs?(deps: AppDeps): Record<string, JobHandler>;
  periodic?: { kind: string; everySeconds: number }[];
  /** Figures the module offers the analytics module (big screen, one map), computed from its own tables. */
  stats?: StatProvider[];
}

export const MODULES: ModuleManifest[] = [
  { name: 'accounts', routes: accountsRoutes as ModuleManifest['routes'] },
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
  setupModule,
];

/** Every module's job handlers by kind. */
export function jobHandlers(deps: AppDeps): Record<string, JobHandler> {
  return Object.assign({}, ...MODULES.map((m) => m.jobs?.(deps) ?? {}));
}
