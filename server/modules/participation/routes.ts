import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app-deps.ts';
import type { PortalPorts } from './ports.ts';
import { consultationRoutes } from './routes-consultations.ts';
import { portalRoutes } from './routes-portal.ts';
import { surveyRoutes } from './routes-surveys.ts';
import { voteRoutes } from './routes-votes.ts';

/** 居民参与: consultations, surveys, micro-project votes and the public community portal. */
export function participationRoutes(deps: AppDeps, ports: PortalPorts): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(consultationRoutes(deps));
    await app.register(surveyRoutes(deps));
    await app.register(voteRoutes(deps));
    await app.register(portalRoutes(deps, ports));
  };
}
