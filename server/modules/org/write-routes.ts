import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  boundaryImportQuery,
  createGridBody,
  createNodeBody,
  moveNodeBody,
  updateNodeBody,
  idParams,
  updateGridGeometryBody,
} from '../../../contracts/org.ts';
import { boundaryImportResponse, orgNodeResponse } from '../../../contracts/org-responses.ts';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { AppError } from '../../platform/errors.ts';
import { createGrid } from './commands/create-grid.ts';
import { createNode } from './commands/create-node.ts';
import { moveNode, renameNode, retireNode } from './commands/maintain-node.ts';
import { importBoundaries } from './commands/import-boundaries.ts';
import { updateGridGeometry } from './commands/update-grid-geometry.ts';
import { publicNode } from './queries.ts';

/** Changes to the governance tree: create, rename, retire and move nodes, draw grids, import boundaries. */
export function orgWriteRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['org'];
    // Boundary files (GeoJSON, zipped Shapefile, KML) of a whole street stay well under 20 MB.
    await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 2 } });

    app.post(
      '/api/org/nodes',
      {
        config: { permission: 'org.create-node' },
        schema: {
          tags,
          summary: '新增治理节点（街道/社区/小区/楼栋/房屋）',
          body: createNodeBody,
          response: { 201: orgNodeResponse },
        },
      },
      async (request, reply) => {
        const row = await createNode(db, requireActor(request), request.body);
        return reply.status(201).send({ data: publicNode(row) });
      },
    );

    app.patch(
      '/api/org/nodes/:id',
      {
        config: { permission: 'org.maintain' },
        schema: {
          tags,
          summary: '修改节点名称或户数',
          params: idParams,
          body: updateNodeBody,
          response: { 200: orgNodeResponse },
        },
      },
      async (request) => {
        return { data: publicNode(await renameNode(db, requireActor(request), request.params.id, request.body)) };
      },
    );

    app.post(
      '/api/org/nodes/:id/retire',
      {
        config: { permission: 'org.maintain' },
        schema: { tags, summary: '撤销节点（保留编码与历史）', params: idParams, response: { 200: orgNodeResponse } },
      },
      async (request) => {
        return { data: publicNode(await retireNode(db, requireActor(request), request.params.id)) };
      },
    );

    app.post(
      '/api/org/nodes/:id/move',
      {
        config: { permission: 'org.maintain' },
        schema: {
          tags,
          summary: '在社区内迁移小区或楼栋',
          params: idParams,
          body: moveNodeBody,
          response: { 200: orgNodeResponse },
        },
      },
      async (request) => {
        return {
          data: publicNode(await moveNode(db, requireActor(request), request.params.id, request.body.parentId)),
        };
      },
    );

    app.post(
      '/api/org/nodes/:id/grids',
      {
        config: { permission: 'org.write-grid' },
        schema: {
          tags,
          summary: '在社区内划定新网格',
          params: idParams,
          body: createGridBody,
          response: { 201: orgNodeResponse },
        },
      },
      async (request, reply) => {
        const row = await createGrid(db, requireActor(request), request.params.id, request.body);
        return reply.status(201).send({ data: publicNode(row) });
      },
    );

    app.put(
      '/api/org/grids/:id/geometry',
      {
        config: { permission: 'org.write-grid' },
        schema: {
          tags,
          summary: '调整网格边界',
          params: idParams,
          body: updateGridGeometryBody,
          response: { 200: orgNodeResponse },
        },
      },
      async (request) => {
        const row = await updateGridGeometry(db, requireActor(request), request.params.id, request.body.geometry);
        return { data: publicNode(row) };
      },
    );

    app.post(
      '/api/org/nodes/:id/boundaries/import',
      {
        schema: {
          tags,
          summary: '批量导入边界（街道→社区边界，社区→网格边界；GeoJSON/Shapefile/KML）',
          params: idParams,
          querystring: boundaryImportQuery,
          consumes: ['multipart/form-data'],
          response: { 200: boundaryImportResponse },
        },
        config: { permission: 'org.write-grid' },
      },
      async (request) => {
        const actor = requireActor(request);
        const file = await request.file().catch(() => undefined);
        if (!file)
          throw new AppError('VALIDATION_FAILED', {
            message: '请选择边界文件',
            details: [{ path: 'file', message: '请选择边界文件' }],
          });
        const bytes = await file.toBuffer().catch((e: { code?: string }) => {
          throw e.code === 'FST_REQ_FILE_TOO_LARGE' ? new AppError('PAYLOAD_TOO_LARGE') : e;
        });
        const report = await importBoundaries(
          db,
          actor,
          request.params.id,
          { filename: file.filename, bytes },
          { dryRun: request.query.dryRun, toleranceM2: request.query.toleranceM2 },
        );
        return { data: report };
      },
    );
  };
}
