import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../contracts/org.ts';
import { z } from 'zod';
import {
  bigscreenBaseSchema,
  bigscreenCasesSchema,
  gridCardSchema,
  mapLayersQuery,
  mapLayersSchema,
  scopeQuery,
} from '../../../contracts/analytics.ts';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { bigscreenBase, bigscreenCases } from './bigscreen.ts';
import { gridCard, mapLayers } from './map.ts';
import { childNodes, dashboardNode } from './policy.ts';

const tags = ['analytics'];

/** Every read here goes through deps.reads: the read replica when one is configured. */
export function analyticsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/analytics/bigscreen/base',
      {
        config: { permission: 'analytics.read' },
        schema: {
          tags,
          summary: '大屏：人口、户数、法人、党员、志愿者、心愿、红榜',
          querystring: scopeQuery,
          response: { 200: z.object({ data: bigscreenBaseSchema }) },
        },
      },
      async (request) => {
        const db = await deps.reads.forRequest(request);
        const node = await dashboardNode(db, requireActor(request), request.query.nodeId);
        const [children, base] = await Promise.all([childNodes(db, node), bigscreenBase(db, node.path, new Date())]);
        return { data: { node, children, ...base } };
      },
    );

    app.get(
      '/api/analytics/bigscreen/cases',
      {
        schema: {
          tags,
          summary: '大屏：案件今日/本月、按期结案率、满意率、类别、部门、超期、12个月趋势',
          querystring: scopeQuery,
          response: { 200: z.object({ data: bigscreenCasesSchema }) },
        },
        config: { permission: 'analytics.read' },
      },
      async (request) => {
        const db = await deps.reads.forRequest(request);
        const node = await dashboardNode(db, requireActor(request), request.query.nodeId);
        return { data: await bigscreenCases(db, node.path, new Date()) };
      },
    );

    app.get(
      '/api/analytics/map/layers',
      {
        schema: {
          tags,
          summary: '一张图：图层数据（案件点位、部件、党员户、关怀对象计数、志愿活动、党群服务驿站）',
          querystring: mapLayersQuery,
          response: { 200: z.object({ data: mapLayersSchema }) },
        },
        config: { permission: 'analytics.read' },
      },
      async (request) => {
        const db = await deps.reads.forRequest(request);
        const node = await dashboardNode(db, requireActor(request), request.query.nodeId);
        return { data: await mapLayers(db, node.path, request.query.layers, new Date()) };
      },
    );

    app.get(
      '/api/analytics/grids/:id',
      {
        config: { permission: 'analytics.read' },
        schema: {
          tags,
          summary: '一张图：网格卡片的人口、党员、案件与本月指标',
          params: idParams,
          response: { 200: z.object({ data: gridCardSchema }) },
        },
      },
      async (request) => {
        const db = await deps.reads.forRequest(request);
        const node = await dashboardNode(db, requireActor(request), request.params.id, 'grid');
        return { data: await gridCard(db, node.path, new Date()) };
      },
    );
  };
}
