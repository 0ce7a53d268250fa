import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../app-deps.ts';
import type { JobHandler } from '../platform/jobs/queue.ts';
import type { StatProvider } from './analytics/stat-provider.ts';

/** A module's manifest: its routes, and the background jobs it runs (one-off kinds and periodic sweeps). */
export interface ModuleManifest {
  name: string;
  routes(deps: AppDeps): FastifyPluginAsync;
  jobs?(deps: AppDeps): Record<string, JobHandler>;
  /** `ownWorker`: polled by a worker of its own, so a long job in the shared queue cannot delay it. */
  periodic?: { kind: string; everySeconds: number; ownWorker?: boolean }[];
  /** Figures the module offers the analytics module (big screen, one map), computed from its own tables. */
  stats?: StatProvider[];
}
