import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { idParams, locateQuery, nodeDetailSchema, orgNodeSchema, pageInfo, pageQuery } from '../../../contracts/org.ts';
import {
  communityDirectoryResponse,
  coverageResponse,
  departmentsServingResponse,
  gridDetailResponse,
  gridFeatureCollectionSchema,
  locateResponse,
  nodeOutlineSchema,
  partyOrgsUnderResponse,
} from '../../../contracts/org-responses.ts';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { AppError } from '../../platform/errors.ts';
import { maskPhone } from '../../platform/masking.ts';
import { uncoveredArea } from './geo/coverage.ts';
import type { GeoArea } from './geo/types.ts';
import { loadNodeInScope } from './load-node.ts';
import { authorizeOrg, orgAbilities } from './policy.ts';
import {
  ancestorsOf,
  branchOf,
  childrenPage,
  communityDirectory,
  countsUnder,
  gridsFeatureCollection,
  gridWorkerOf,
  publicNode,
} from './queries.ts';
import { partyOrgsUnder, departmentsFor } from './party-queries.ts';
import { orgNodes } from './schema.ts';
import { gridWorkerRoutes } from './grid-worker-routes.ts';
import { orgWriteRoutes } from './write-routes.ts';
import { users } from '../accounts/schema.ts';
import { textFlag } from '../../../contracts/query.ts';

export function orgRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['org'];
    await app.register(gridWorkerRoutes(deps));
    await app.register(orgWriteRoutes(deps));

    app.get(
      '/api/org/nodes/:id',
      {
        config: { permission: 'org.read' },
        schema: {
          tags,
          summary: '治理节点详情（含下级统计）',
          params: idParams,
          response: { 200: z.object({ data: nodeDetailSchema }) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const node = await loadNodeInScope(db, actor, request.params.id);
        authorizeOrg(actor, 'read', node);
        const [counts, ancestors, worker, branch] = await Promise.all([
          countsUnder(db, node.path),
          ancestorsOf(db, node),
          node.level === 'grid' ? gridWorkerOf(db, node.id) : null,
          branchOf(db, node.id),
        ]);
        return {
          data: {
            ...publicNode(node),
            counts,
            ancestors,
            attrs: node.attrs,
            gridWorker: worker && { id: worker.id, displayName: worker.displayName },
            branch: branch && { id: branch.id, name: branch.name },
            abilities: orgAbilities(actor, node),
          },
        };
      },
    );

    app.get(
      '/api/org/nodes/:id/children',
      {
        config: { permission: 'org.read' },
        schema: {
          tags,
          summary: '下级节点（分页）',
          params: idParams,
          querystring: pageQuery.extend({ retired: textFlag().optional() }),
          response: { 200: z.object({ data: z.array(orgNodeSchema), page: pageInfo }) },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const node = await loadNodeInScope(db, actor, request.params.id);
        authorizeOrg(actor, 'read', node);
        return childrenPage(db, node.id, request.query.page, request.query.pageSize, request.query.retired === true);
      },
    );

    app.get(
      '/api/org/nodes/:id/grids',
      {
        config: { permission: 'org.read' },
        schema: {
          tags,
          summary: '节点下全部网格（GeoJSON）',
          params: idParams,
          response: { 200: gridFeatureCollectionSchema },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const node = await loadNodeInScope(db, actor, request.params.id);
        authorizeOrg(actor, 'read', node);
        return gridsFeatureCollection(db, node.path);
      },
    );

    app.get(
      '/api/org/nodes/:id/outline',
      {
        config: { permission: 'org.read' },
        schema: { tags, summary: '节点边界（GeoJSON）', params: idParams, response: { 200: nodeOutlineSchema } },
      },
      async (request) => {
        const actor = requireActor(request);
        const node = await loadNodeInScope(db, actor, request.params.id);
        authorizeOrg(actor, 'read', node);
        return {
          type: 'Feature' as const,
          geometry: node.geometry ?? null,
          properties: { id: node.id, code: node.code, name: node.name },
        };
      },
    );

    app.get(
      '/api/org/nodes/:id/coverage',
      {
        config: { permission: 'org.read' },
        schema: {
          tags,
          summary: '社区网格覆盖检查（未覆盖面积）',
          params: idParams,
          response: { 200: coverageResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const community = await loadNodeInScope(db, actor, request.params.id, 'community');
        authorizeOrg(actor, 'read', community);
        if (!community.geometry)
          throw new AppError('VALIDATION_FAILED', {
            message: '该社区尚未绘制边界',
            details: [{ path: 'id', message: '社区无边界' }],
          });
        const grids = await db
          .select({ geometry: orgNodes.geometry })
          .from(orgNodes)
          .where(and(eq(orgNodes.parentId, community.id), eq(orgNodes.level, 'grid')));
        const report = uncoveredArea(
          community.geometry as GeoArea,
          grids.filter((g) => g.geometry).map((g) => g.geometry as GeoArea),
        );
        return {
          data: {
            communityId: community.id,
            grids: grids.length,
            uncoveredM2: report.areaM2,
            uncoveredRatio: report.ratio,
            uncovered: report.geometry,
          },
        };
      },
    );

    app.get(
      '/api/org/grids/:id',
      {
        config: { permission: 'org.read' },
        schema: { tags, summary: '网格详情', params: idParams, response: { 200: gridDetailResponse } },
      },
      async (request) => {
        const actor = requireActor(request);
        const grid = await loadNodeInScope(db, actor, request.params.id, 'grid');
        authorizeOrg(actor, 'read', grid);
        const [counts, worker, branch, estates, leaders, [community]] = await Promise.all([
          countsUnder(db, grid.path),
          gridWorkerOf(db, grid.id),
          branchOf(db, grid.id),
          db
            .select({ id: orgNodes.id, name: orgNodes.name })
            .from(orgNodes)
            .where(eq(orgNodes.parentId, grid.id))
            .orderBy(orgNodes.code),
          db
            .select({ id: users.id, displayName: users.displayName })
            .from(users)
            .innerJoin(orgNodes, eq(orgNodes.id, users.scopeNodeId))
            .where(and(eq(users.role, 'building_leader'), eq(orgNodes.parentId, grid.id))),
          db.select({ id: orgNodes.id, name: orgNodes.name }).from(orgNodes).where(eq(orgNodes.id, grid.parentId!)),
        ]);
        return {
          data: {
            ...publicNode(grid),
            households: grid.households ?? 0,
            population: null,
            buildings: counts.buildings,
            houses: counts.houses,
            estates,
            gridWorker: worker && {
              id: worker.id,
              displayName: worker.displayName,
              phoneMasked: maskPhone(worker.phone),
            },
            buildingLeaders: leaders,
            branch: branch && { id: branch.id, name: branch.name, secretary: branch.secretary, members: null },
            community: community ?? null,
            abilities: orgAbilities(actor, grid),
          },
        };
      },
    );

    app.get(
      '/api/org/locate',
      {
        config: { permission: 'org.locate' },
        schema: { tags, summary: '坐标定位到网格', querystring: locateQuery, response: { 200: locateResponse } },
      },
      async (request) => {
        const actor = requireActor(request);
        authorizeOrg(actor, 'locate', null);
        const hit = await deps.gridLookup.locate(request.query.lng, request.query.lat);
        if (!hit)
          throw new AppError('VALIDATION_FAILED', {
            message: '该位置不在任何网格内',
            details: [{ path: 'lng', message: '坐标不在任何网格内' }],
          });
        const [grid] = await db
          .select({ id: orgNodes.id, code: orgNodes.code, name: orgNodes.name })
          .from(orgNodes)
          .where(eq(orgNodes.id, hit.id));
        return { data: grid };
      },
    );

    app.get(
      '/api/org/communities',
      {
        schema: {
          tags,
          summary: '社区名录（按名称查找，双报到等选择社区时用）',
          querystring: z.object({ q: z.string().trim().min(1, '请输入社区名称').max(20) }),
          response: { 200: communityDirectoryResponse },
        },
        config: { permission: 'org.locate' },
      },
      async (request) => {
        const actor = requireActor(request);
        authorizeOrg(actor, 'locate', null);
        // Names and codes of communities are public (statistical division codes): any signed-in user
        // may find the community where they live, e.g. a party member registering there (双报到).
        const rows = await communityDirectory(db, request.query.q);
        return { data: rows };
      },
    );

    app.get(
      '/api/org/my-area/grids',
      {
        config: { permission: 'org.locate' },
        schema: {
          tags,
          summary: '本人所在社区的网格（供居民在地图上选点）',
          response: { 200: gridFeatureCollectionSchema },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        authorizeOrg(actor, 'locate', null);
        // Residents, members and volunteers hang under a house or building: their community's grid
        // outlines (public information: 网格公示) let them drop a pin; no further details.
        const ids = (actor.scopePath ?? '').split('/').filter(Boolean);
        if (ids.length < 3) throw new AppError('NOT_FOUND', { message: '您的账号未关联到社区' });
        return gridsFeatureCollection(db, `/${ids.slice(0, 3).join('/')}/`);
      },
    );

    app.get(
      '/api/org/nodes/:id/party-orgs',
      {
        config: { permission: 'org.read' },
        schema: {
          tags,
          summary: '节点下的党组织（党工委/联合党委/网格支部/党小组）',
          params: idParams,
          response: { 200: partyOrgsUnderResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const node = await loadNodeInScope(db, actor, request.params.id);
        authorizeOrg(actor, 'read', node);
        return { data: await partyOrgsUnder(db, node.path) };
      },
    );

    app.get(
      '/api/org/nodes/:id/departments',
      {
        config: { permission: 'org.read' },
        schema: {
          tags,
          summary: '服务该节点的职能部门',
          params: idParams,
          response: { 200: departmentsServingResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const node = await loadNodeInScope(db, actor, request.params.id);
        authorizeOrg(actor, 'read', node);
        return { data: await departmentsFor(db, node.path) };
      },
    );
  };
}
