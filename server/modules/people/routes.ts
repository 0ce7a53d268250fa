import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app-deps.ts';
import { createPiiCodec } from './pii.ts';
import { basedataRoutes } from './routes/basedata.ts';
import { exportRoutes } from './routes/exports.ts';
import { importRoutes } from './routes/imports.ts';
import { registerRoutes } from './routes/registers.ts';
import { residentRoutes } from './routes/residents.ts';

/** Upload limit: a district's 2 million rows as .csv are ~300 MB; one file per request. */
const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

export function peopleRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const codec = createPiiCodec(deps.config.dataKey);
  return async (app) => {
    // Registered inside this plugin: only base-data routes accept multipart bodies.
    await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 4 } });
    await app.register(residentRoutes(deps, codec));
    await app.register(registerRoutes(deps, codec));
    await app.register(basedataRoutes(deps));
    await app.register(importRoutes(deps));
    await app.register(exportRoutes(deps));
  };
}
