import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  divisionCodeParams,
  divisionSchema,
  divisionSearchQuery,
  setupBody,
  setupResultSchema,
  setupStatusSchema,
  streetDivisionSchema,
} from '../../../contracts/setup.ts';
import type { AppDeps } from '../../app-deps.ts';
import { AppError } from '../../platform/errors.ts';
import { completeSetup } from './commands/complete-setup.ts';
import { searchDistricts, streetsOf } from './divisions.ts';
import { setupNeeded } from './setup-state.ts';

/**
 * The clean-install routes. Public by necessity (there is no account yet); the claim itself
 * needs the one-time code printed on the server console.
 */
export function setupRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['setup'];
    const config = { public: true, permission: 'setup.install' };

    app.get(
      '/api/setup/status',
      { config, schema: { tags, summary: '是否需要初始化（全新安装）', response: { 200: setupStatusSchema } } },
      async () => ({ needed: await setupNeeded(db) }),
    );

    app.get(
      '/api/setup/divisions',
      {
        config,
        schema: {
          tags,
          summary: '按名称或代码检索区县（国家统计局 2023 年区划代码）',
          querystring: divisionSearchQuery,
          response: { 200: z.object({ data: z.array(divisionSchema) }) },
        },
      },
      async (request) => {
        return { data: searchDistricts(request.query.q) };
      },
    );

    app.get(
      '/api/setup/divisions/:code/streets',
      {
        config,
        schema: {
          tags,
          summary: '区县下的街道与乡镇',
          params: divisionCodeParams,
          response: { 200: z.object({ data: z.array(streetDivisionSchema) }) },
        },
      },
      async (request) => {
        const streets = streetsOf(request.params.code);
        if (!streets) throw new AppError('NOT_FOUND', { message: '没有这个区县代码' });
        return { data: streets };
      },
    );

    app.post(
      '/api/setup',
      {
        config,
        schema: {
          tags,
          summary: '完成初始化：建立区县、街道与首个区级管理员',
          body: setupBody,
          response: { 201: z.object({ data: setupResultSchema }) },
        },
      },
      async (request, reply) => {
        const result = await completeSetup(db, request.body, request.ip);
        return reply.status(201).send({ data: result });
      },
    );
  };
}
