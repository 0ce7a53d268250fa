import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { caseActionParams, inboxQuery, reportCaseBody, transitionBody } from '../../../contracts/cases.ts';
import { idParams } from '../../../contracts/org.ts';
import {
  caseDetailResponse,
  casePageResponse,
  categoryTreeResponse,
  reportedCaseResponse,
  transitionedCaseResponse,
} from '../../../contracts/cases-responses.ts';
import { fileDownload } from '../../../contracts/download.ts';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { loadWorkingCalendar } from '../../platform/calendar/load.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { reportCaseOnce } from './commands/report-once.ts';
import { transitionCase } from './commands/transition-case.ts';
import { followCase } from './commands/follow-case.ts';
import { caseDetail } from './detail.ts';
import { indicatorRoutes } from './indicator-routes.ts';
import { notificationRoutes } from './notification-routes.ts';
import { suggestRoutes } from './suggest-routes.ts';
import { importRoutes } from './import-routes.ts';
import { caseConfigRoutes } from './config-routes.ts';
import { revealRoutes } from './reveal-routes.ts';
import { MAX_PHOTO_BYTES, storePhoto, thumbKey } from './photos.ts';
import { casePhotoVisibleWhere } from './policy.ts';
import { fileStore } from '../../platform/files/index.ts';
import { categoryTree, listCases } from './queries.ts';
import { casePhotos, cases } from './schema.ts';
import { textFlag } from '../../../contracts/query.ts';

export function casesRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  const files = fileStore(deps);
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_PHOTO_BYTES + 1, files: 1 } });
    const tags = ['cases'];

    app.get(
      '/api/cases/categories',
      {
        config: { permission: 'cases.report-form' },
        schema: { tags, summary: '案件类别（两级）', response: { 200: categoryTreeResponse } },
      },
      async () => ({ data: await categoryTree(db) }),
    );

    app.post(
      '/api/cases',
      {
        config: { permission: 'cases.report' },
        schema: {
          tags,
          summary: '上报案件',
          body: reportCaseBody,
          response: { 200: reportedCaseResponse, 201: reportedCaseResponse },
        },
      },
      async (request, reply) => {
        // 200 when a resent report (same clientRef) found the case its first copy filed.
        const { row, created } = await reportCaseOnce(deps, requireActor(request), request.body);
        return reply
          .status(created ? 201 : 200)
          .send({ data: { id: row.id, caseNo: row.caseNo, state: row.state, version: row.version, dueAt: row.dueAt } });
      },
    );

    app.get(
      '/api/cases',
      {
        config: { permission: 'cases.read' },
        schema: {
          tags,
          summary: '案件列表（收件箱，按范围、状态、时限筛选）',
          querystring: inboxQuery,
          response: { 200: casePageResponse },
        },
      },
      async (request) => {
        return listCases(db, requireActor(request), request.query, await loadWorkingCalendar(db));
      },
    );

    app.get(
      '/api/cases/:id',
      {
        config: { permission: 'cases.read' },
        schema: { tags, summary: '案件详情与办理时间线', params: idParams, response: { 200: caseDetailResponse } },
      },
      async (request) => {
        return { data: await caseDetail(deps, requireActor(request), request.params.id) };
      },
    );

    app.post(
      '/api/cases/:id/:action',
      {
        schema: {
          tags,
          summary: '案件流转（立案/派遣/签收/处置/核查/结案/评价…）',
          params: caseActionParams,
          body: transitionBody,
          response: { 200: transitionedCaseResponse },
        },
        config: { permission: 'cases.transition' },
      },
      async (request) => {
        const row = await transitionCase(
          deps,
          requireActor(request),
          request.params.id,
          request.params.action,
          request.body,
        );
        return { data: { id: row.id, state: row.state, version: row.version, dueAt: row.dueAt } };
      },
    );

    app.post(
      '/api/cases/:id/follow',
      {
        config: { permission: 'cases.follow' },
        schema: {
          tags,
          summary: '关注附近已有的同类问题（代替重复上报）',
          params: idParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await followCase(db, requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/cases/photos',
      {
        config: { permission: 'cases.photos.upload' },
        schema: {
          tags,
          summary: '上传照片（仅图片，按内容校验）',
          response: {
            201: z.object({
              data: z.object({ id: z.number(), width: z.number().nullable(), height: z.number().nullable() }),
            }),
          },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const file = await request.file().catch(() => undefined);
        if (!file) throw invalid('file', '请选择要上传的照片');
        const bytes = await file.toBuffer().catch(() => {
          throw new AppError('PAYLOAD_TOO_LARGE', { message: `照片不能超过 ${MAX_PHOTO_BYTES / 1024 / 1024} MB` });
        });
        const row = await storePhoto(db, files, actor, bytes);
        return reply.status(201).send({ data: { id: row.id, width: row.width, height: row.height } });
      },
    );

    app.get(
      '/api/cases/photos/:id',
      {
        schema: {
          tags,
          summary: '照片原图',
          params: idParams,
          querystring: z.object({ thumb: textFlag().optional() }),
          response: { 200: fileDownload('照片（image/*，流式）') },
        },
        config: { permission: 'cases.photos.read' },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        // Visible when its case is visible, or to its uploader before the case is submitted.
        const [photo] = await db
          .select({ storageKey: casePhotos.storageKey, mime: casePhotos.mime })
          .from(casePhotos)
          .leftJoin(cases, eq(cases.id, casePhotos.caseId))
          .where(and(eq(casePhotos.id, request.params.id), casePhotoVisibleWhere(actor)))
          .limit(1);
        if (!photo) throw new AppError('NOT_FOUND');
        const thumb = request.query.thumb === true;
        // Streamed from the shared store: whichever instance took the upload, every instance serves it.
        const { info, stream } = await files.open(thumb ? thumbKey(photo.storageKey) : photo.storageKey);
        return reply
          .header('cache-control', 'private, max-age=86400')
          .header('content-length', info.bytes)
          .type(thumb ? 'image/webp' : photo.mime)
          .send(stream);
      },
    );

    await app.register(notificationRoutes(deps));
    await app.register(indicatorRoutes(deps));
    await app.register(suggestRoutes(deps));
    await app.register(importRoutes(deps));
    await app.register(caseConfigRoutes(deps));
    await app.register(revealRoutes(deps));
  };
}
