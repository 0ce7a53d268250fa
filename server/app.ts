import fs from 'node:fs';
import Fastify, { type FastifyContextConfig, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppDeps } from './app-deps.ts';
import { registerAuth } from './platform/auth/plugin.ts';
import { loadSession } from './modules/accounts/sessions.ts';
import { notFoundBody, registerErrorHandler } from './platform/errors.ts';
import { MODULES } from './modules/index.ts';
import { registerLiveRoutes } from './platform/live/routes.ts';
import { registerCalendarRoutes } from './modules/calendar/routes.ts';
import { registerSecurityHeaders } from './platform/security-headers.ts';
import { registerInputGuard } from './platform/input-guard.ts';
import { registerObservability } from './platform/observability/routes.ts';

/** One registered route, as the census tests (server/route-census.test.ts, accounts/auth.test.ts) read it. */
export interface RouteEntry {
  method: string;
  url: string;
  permission: string | null;
  public: boolean;
  /** Status codes the route declares a response schema for (serialized, unknown fields dropped). */
  responses: string[];
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

/** Builds the HTTP application: platform plugins first, then every module's routes. */
export async function buildApp(
  deps: AppDeps,
  options: { logger?: boolean; draining?: () => boolean; warmingUp?: () => string | null } = {},
): Promise<FastifyInstance> {
  // return503OnClosing off: while draining, a request arriving on a connection opened before is
  // still served (with `Connection: close`), not refused — the load balancer could not retry a POST.
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: deps.config.trustedProxies.length ? deps.config.trustedProxies : false,
    bodyLimit: 2 * 1024 * 1024,
    return503OnClosing: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerInputGuard(app);
  await app.register(cookie);
  await registerSecurityHeaders(app, deps.config.secureCookies);
  await app.register(swagger, {
    openapi: { info: { title: 'GridHive 蜂巢 API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  registerAuth(app, (token) => loadSession(deps.db, token, deps.config.sessionIdleMinutes));
  deps.reads.register(app);
  // Kept so the authorisation-matrix test can enumerate every route a module adds.
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as FastifyContextConfig;
    const responses = Object.keys((route.schema as { response?: object } | undefined)?.response ?? {});
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD')
        routeTable.push({
          method,
          url: route.url,
          permission: config.permission ?? null,
          public: config.public === true,
          responses,
        });
    }
  });
  registerObservability(app, deps.db, {
    metricsToken: deps.config.metricsToken,
    sseClients: () => deps.liveHub.subscriberCount(),
    draining: options.draining,
    warmingUp: options.warmingUp,
  });
  registerLiveRoutes(app, deps.liveHub, deps.db);
  registerCalendarRoutes(app, deps.db);
  for (const mod of MODULES) await app.register(mod.routes(deps));
  registerWebApp(app, deps.config.webDir);
  return app;
}

/** Serves the built single-page app; unknown non-API paths fall back to index.html. */
function registerWebApp(app: FastifyInstance, webDir: string | null): void {
  const hasWeb = Boolean(webDir && fs.existsSync(`${webDir}/index.html`));
  if (hasWeb) void app.register(fastifyStatic, { root: webDir!, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (hasWeb && request.method === 'GET' && !/^\/(api|open311)(\/|$)/.test(request.url))
      return reply.sendFile('index.html');
    return reply.status(404).send(notFoundBody(request));
  });
}
