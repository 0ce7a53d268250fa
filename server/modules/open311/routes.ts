import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createdKeySchema,
  createKeyBody,
  keyListQuery,
  keyPageResponse,
  revokedKeyResponse,
} from '../../../contracts/open311.ts';
import { idParams } from '../../../contracts/org.ts';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { assertCanListKeys } from './policy.ts';
import { createKey } from './commands/create-key.ts';
import { revokeKey } from './commands/revoke-key.ts';
import { georeportRoutes } from './georeport-routes.ts';
import { listKeys, presentKey } from './key-queries.ts';

/** Key administration under /api/open311 (session, CSRF), and the public GeoReport API under /open311/v2. */
export function open311Routes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['open311'];
    const manage = ['open311.manage'];

    app.get(
      '/api/open311/keys',
      {
        config: { permission: 'open311.keys.list' },
        schema: {
          tags,
          summary: 'Open311 接入密钥（本辖区受理社区）',
          querystring: keyListQuery,
          response: { 200: keyPageResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCanListKeys(actor);
        return { ...(await listKeys(db, actor, request.query.page, request.query.pageSize)), abilities: manage };
      },
    );

    app.post(
      '/api/open311/keys',
      {
        config: { permission: 'open311.keys.manage' },
        schema: {
          tags,
          summary: '签发 Open311 接入密钥（密钥只显示这一次）',
          body: createKeyBody,
          response: { 201: createdKeySchema },
        },
      },
      async (request, reply) => {
        const created = await createKey(db, requireActor(request), request.body);
        return reply.status(201).send({ data: presentKey(created.row, created.community, 0), key: created.key });
      },
    );

    app.post(
      '/api/open311/keys/:id/revoke',
      {
        config: { permission: 'open311.keys.manage' },
        schema: { tags, summary: '吊销 Open311 接入密钥', params: idParams, response: { 200: revokedKeyResponse } },
      },
      async (request) => {
        const row = await revokeKey(db, requireActor(request), request.params.id);
        return { data: { id: row.id, revokedAt: row.revokedAt!.toISOString() } };
      },
    );

    await app.register(georeportRoutes(deps), { prefix: '/open311/v2' });
  };
}
