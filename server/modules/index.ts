import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../app-deps.ts';
import { accountsRoutes } from './accounts/routes.ts';
import { orgRoutes } from './org/routes.ts';

/** A module's manifest: its routes (and later its jobs, stats and seed). */
export interface ModuleManifest {
  name: string;
  routes(deps: AppDeps): FastifyPluginAsync;
}

export const MODULES: ModuleManifest[] = [
  { name: 'accounts', routes: accountsRoutes as ModuleManifest['routes'] },
  { name: 'org', routes: orgRoutes as ModuleManifest['routes'] },
];
