import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { idParams } from '../../../../contracts/org.ts';
import { fileDownload } from '../../../../contracts/download.ts';
import { exportQuery, moveBody, residentBody, residentListQuery, revealBody } from '../../../../contracts/people.ts';
import {
  residentDetailResponse,
  residentPageResponse,
  revealedResidentResponse,
  savedResidentResponse,
} from '../../../../contracts/people-responses.ts';
import type { AppDeps } from '../../../app-deps.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { requireActor } from '../../../platform/auth/plugin.ts';
import { AppError } from '../../../platform/errors.ts';
import { moveResident } from '../commands/move-resident.ts';
import { revealResident } from '../commands/reveal-resident.ts';
import { saveResident } from '../commands/save-resident.ts';
import { residentColumns } from '../export/columns.ts';
import { attachmentHeader, CONTENT_TYPES, exportFileName, tableStream } from '../export/table-stream.ts';
import type { PiiCodec } from '../pii.ts';
import { authorizePeople, peopleAbilities } from '../policy.ts';
import { loadResident, maskedResident, residentBatches, residentFilter, residentPage } from '../queries/residents.ts';
import { residenceHistory } from '../schema.ts';
import { houseAddressesById } from '../org-refs.ts';

const exportResidentsQuery = residentListQuery
  .omit({ page: true, pageSize: true })
  .extend(exportQuery.shape)
  .extend({
    /** Unmasked export: needs the reveal permission and a reason, like a single reveal. */
    reveal: z.enum(['0', '1']).default('0'),
    reason: z.string().trim().max(200).optional(),
  });

export function residentRoutes(deps: AppDeps, codec: PiiCodec): FastifyPluginAsyncZod {
  const { db } = deps;
  const tags = ['people'];
  return async (app) => {
    app.get(
      '/api/people/residents',
      {
        config: { permission: 'people.read' },
        schema: {
          tags,
          summary: '实有人口列表（脱敏）',
          querystring: residentListQuery,
          response: { 200: residentPageResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        authorizePeople(actor, 'read', null);
        return residentPage(db, actor, codec, request.query);
      },
    );

    app.get(
      '/api/people/residents/export',
      {
        config: { permission: 'people.export' },
        schema: {
          tags,
          summary: '导出实有人口（.xlsx/.csv，默认脱敏）',
          querystring: exportResidentsQuery,
          response: { 200: fileDownload('实有人口 .xlsx/.csv（流式）') },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const { format, reveal, reason, ...filters } = request.query;
        authorizePeople(actor, 'export', null);
        if (reveal === '1') {
          authorizePeople(actor, 'reveal', null);
          if (!reason || reason.length < 4)
            throw new AppError('VALIDATION_FAILED', {
              message: '导出完整证件号码须填写原因',
              details: [{ path: 'reason', message: '请填写原因（至少4个字）' }],
            });
        }
        // The rows are read on the replica (deps.reads); the audit row is written on the primary.
        const reads = await deps.reads.forRequest(request);
        const where = await residentFilter(reads, actor, codec, filters);
        // Logged before the first byte leaves, like a reveal; the secretary's review lists it.
        await recordAudit(db, actor, {
          action: reveal === '1' ? 'people.export.reveal' : 'people.export',
          targetType: 'resident',
          targetId: null,
          scopePath: actor.scopePath,
          summary: { filters, format, reason: reason ?? null },
          ip: request.ip,
        });
        const name = exportFileName('实有人口', format);
        reply.header('content-type', CONTENT_TYPES[format]).header('content-disposition', attachmentHeader(name));
        return reply.send(
          tableStream(
            format,
            '实有人口',
            residentColumns(codec, reveal === '1'),
            residentBatches(reads, where),
            (_n, error) => {
              if (error) request.log.error(error);
            },
          ),
        );
      },
    );

    app.get(
      '/api/people/residents/:id',
      {
        config: { permission: 'people.read' },
        schema: {
          tags,
          summary: '居民详情（脱敏，含居住历史）',
          params: idParams,
          response: { 200: residentDetailResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const row = await loadResident(db, actor, request.params.id);
        authorizePeople(actor, 'read', row);
        const history = await db
          .select({
            houseId: residenceHistory.houseNodeId,
            fromOn: residenceHistory.fromOn,
            toOn: residenceHistory.toOn,
          })
          .from(residenceHistory)
          .where(eq(residenceHistory.residentId, row.id))
          .orderBy(asc(residenceHistory.id));
        // The move history names each house by its address (the person's own record, already in scope).
        const addresses = await houseAddressesById(db, [...new Set(history.map((h) => h.houseId))]);
        return {
          data: {
            ...maskedResident(row, codec),
            history: history.map((h) => ({ ...h, address: addresses.get(h.houseId) ?? null })),
          },
          abilities: peopleAbilities(actor, row),
        };
      },
    );

    app.post(
      '/api/people/residents',
      {
        config: { permission: 'people.write' },
        schema: {
          tags,
          summary: '登记或更新居民（按证件号码）',
          body: residentBody,
          response: { 201: savedResidentResponse },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        authorizePeople(actor, 'write', null);
        const id = await saveResident(db, { codec }, actor, request.body);
        return reply.status(201).send({ data: { id } });
      },
    );

    app.post(
      '/api/people/residents/:id/move',
      {
        config: { permission: 'people.write' },
        schema: {
          tags,
          summary: '居民搬迁（保留居住历史）',
          params: idParams,
          body: moveBody,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await moveResident(db, requireActor(request), request.params.id, request.body.houseId, request.body.movedOn);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/people/residents/:id/reveal',
      {
        config: { permission: 'people.reveal' },
        schema: {
          tags,
          summary: '查看完整证件号码和电话（需权限与原因，留痕）',
          params: idParams,
          body: revealBody,
          response: { 200: revealedResidentResponse },
        },
      },
      async (request) => {
        return {
          data: await revealResident(
            db,
            codec,
            requireActor(request),
            request.params.id,
            request.body.reason,
            request.ip,
          ),
        };
      },
    );
  };
}
