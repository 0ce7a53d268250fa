import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../app-deps.ts';
import type { JobHandler } from '../platform/jobs/queue.ts';
import type { StatProvider } from './analytics/stat-provider.ts';

/** A module's manifest: its routes, and the background jobs it runs (one-off kinds and periodic sweeps). */
export interface ModuleManifest {
  name: string;
  routes(deps: AppDeps): FastifyPluginAsync;
  jobs?(deps: AppDeps): Record<string, JobHandler>;
  periodic?: { kind: string; everySeconds: number }[];
  /** Figures the module offers the analytics module (big screen, one map), computed from its own tables. */
  stats?: StatProvider[];
}
