import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  appointBody,
  cadreBody,
  cadreDetailResponse,
  cadreListQuery,
  cadreListResponse,
  endPostBody,
  forceBody,
  forcesQuery,
  forcesResponse,
  nodePostsQuery,
  nodePostsResponse,
  okResponse,
  reserveBody,
  reserveListResponse,
  reserveUpdateBody,
  savedResponse,
} from '../../../contracts/cadres.ts';
import { idParams } from '../../../contracts/org.ts';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { loadNodeInScope } from '../org/load-node.ts';
import { addForce, removeForce } from './commands/forces.ts';
import { appointPost, endPost } from './commands/posts.ts';
import { addToReserve, updateReserve } from './commands/reserve.ts';
import { createCadre, updateCadre } from './commands/save-cadre.ts';
import { loadCadre } from './load.ts';
import { authorizeCadres, authorizeReserve, canCadres, requireCadreAbility } from './policy.ts';
import { cadreDetail, forcesOf, listCadres, nodePosts, reserveList } from './queries.ts';

const tags = ['cadres'];

/** 岗位、干部库、后备人才库、网格力量. */
export function cadresRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    app.get(
      '/api/cadres/posts',
      {
        config: { permission: 'cadres.read' },
        schema: {
          tags,
          summary: '节点及以下的岗位（在任/历史）',
          querystring: nodePostsQuery,
          response: { 200: nodePostsResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        requireCadreAbility(actor, 'read');
        const node = await loadNodeInScope(db, actor, request.query.nodeId);
        authorizeCadres(actor, 'read', { scopePath: node.path });
        return {
          data: await nodePosts(db, node.path, request.query.history),
          node: { id: node.id, name: node.name, level: node.level },
          canManage: canCadres(actor, 'manage', { scopePath: node.path }),
        };
      },
    );
    app.post(
      '/api/cadres/posts',
      {
        config: { permission: 'cadres.manage' },
        schema: {
          tags,
          summary: '任职（含交叉任职、第一书记、联系点）',
          body: appointBody,
          response: { 201: savedResponse },
        },
      },
      async (request, reply) => {
        return reply.status(201).send({ data: await appointPost(db, requireActor(request), request.body) });
      },
    );
    app.post(
      '/api/cadres/posts/:id/end',
      {
        config: { permission: 'cadres.manage' },
        schema: { tags, summary: '离任', params: idParams, body: endPostBody, response: { 200: okResponse } },
      },
      async (request) => {
        return { data: await endPost(db, requireActor(request), request.params.id, request.body.endedOn) };
      },
    );
    app.get(
      '/api/cadres',
      {
        config: { permission: 'cadres.read' },
        schema: { tags, summary: '干部库', querystring: cadreListQuery, response: { 200: cadreListResponse } },
      },
      async (request) => {
        const actor = requireActor(request);
        requireCadreAbility(actor, 'read');
        const { nodeId, ...q } = request.query;
        const node = nodeId ? await loadNodeInScope(db, actor, nodeId) : null;
        return listCadres(db, actor, { ...q, nodePath: node?.path });
      },
    );
    app.post(
      '/api/cadres',
      {
        config: { permission: 'cadres.manage' },
        schema: { tags, summary: '录入干部', body: cadreBody, response: { 201: savedResponse } },
      },
      async (request, reply) => {
        return reply.status(201).send({ data: await createCadre(db, requireActor(request), request.body) });
      },
    );
    app.get(
      '/api/cadres/:id',
      {
        config: { permission: 'cadres.read' },
        schema: {
          tags,
          summary: '干部详情（现任岗位与任职经历）',
          params: idParams,
          response: { 200: cadreDetailResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        requireCadreAbility(actor, 'read');
        const cadre = await loadCadre(db, actor, request.params.id);
        return { data: { ...(await cadreDetail(db, cadre)), canManage: canCadres(actor, 'manage', cadre) } };
      },
    );
    app.put(
      '/api/cadres/:id',
      {
        config: { permission: 'cadres.manage' },
        schema: { tags, summary: '修改干部信息', params: idParams, body: cadreBody, response: { 200: savedResponse } },
      },
      async (request) => {
        return { data: await updateCadre(db, requireActor(request), request.params.id, request.body) };
      },
    );
    app.get(
      '/api/cadres/reserve',
      {
        config: { permission: 'cadres.reserve' },
        schema: { tags, summary: '后备人才库', response: { 200: reserveListResponse } },
      },
      async (request) => {
        const actor = requireActor(request);
        authorizeReserve(actor);
        return { data: await reserveList(db, actor.scopePath!) };
      },
    );
    app.post(
      '/api/cadres/reserve',
      {
        config: { permission: 'cadres.reserve' },
        schema: { tags, summary: '加入后备人才库', body: reserveBody, response: { 201: savedResponse } },
      },
      async (request, reply) => {
        return reply.status(201).send({ data: await addToReserve(db, requireActor(request), request.body) });
      },
    );
    app.put(
      '/api/cadres/reserve/:id',
      {
        config: { permission: 'cadres.reserve' },
        schema: {
          tags,
          summary: '更新后备人才状态',
          params: idParams,
          body: reserveUpdateBody,
          response: { 200: savedResponse },
        },
      },
      async (request) => {
        return { data: await updateReserve(db, requireActor(request), request.params.id, request.body) };
      },
    );
    app.get(
      '/api/cadres/forces',
      {
        config: { permission: 'cadres.read' },
        schema: {
          tags,
          summary: '网格力量名册（电话脱敏）',
          querystring: forcesQuery,
          response: { 200: forcesResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        requireCadreAbility(actor, 'read');
        const grid = await loadNodeInScope(db, actor, request.query.gridId, 'grid');
        authorizeCadres(actor, 'read', { scopePath: grid.path });
        return { data: await forcesOf(db, grid.path), canEdit: canCadres(actor, 'forces', { scopePath: grid.path }) };
      },
    );
    app.post(
      '/api/cadres/forces',
      {
        config: { permission: 'cadres.forces' },
        schema: { tags, summary: '配备网格力量', body: forceBody, response: { 201: savedResponse } },
      },
      async (request, reply) => {
        return reply.status(201).send({ data: await addForce(db, requireActor(request), request.body) });
      },
    );
    app.delete(
      '/api/cadres/forces/:id',
      {
        config: { permission: 'cadres.forces' },
        schema: { tags, summary: '移出网格力量', params: idParams, response: { 200: okResponse } },
      },
      async (request) => {
        return { data: await removeForce(db, requireActor(request), request.params.id) };
      },
    );
  };
}
