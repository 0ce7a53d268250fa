import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  attachmentResponse,
  commentBody,
  commentListResponse,
  commentParams,
  commentResponse,
  communityIdQuery,
  consultationListResponse,
  consultationResponse,
  createConsultationBody,
  fileDownload,
  hideCommentBody,
  respondBody,
} from '../../../contracts/participation.ts';
import { idParams } from '../../../contracts/org.ts';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { fileStore } from '../../platform/files/index.ts';
import { attachFile, attachmentRow, MAX_ATTACHMENT_BYTES } from './commands/attachments.ts';
import {
  addComment,
  createConsultation,
  hideComment,
  loadConsultation,
  respondToConsultation,
} from './commands/consultations.ts';
import { commentsOf, commentView, consultationViews, listConsultations } from './consultation-queries.ts';
import { phaseOf } from './load.ts';
import {
  authorizeParticipation,
  authorizeParticipationList,
  canParticipation,
  participationAbilities,
} from './policy.ts';

/** 征求意见: publish, comment, moderate, answer; attachments in the shared file store. */
export function consultationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  const files = fileStore(deps);
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } });
    const tags = ['participation'];
    const view = async (id: number, actor: ReturnType<typeof requireActor>) => {
      const row = await loadConsultation(db, actor, id);
      authorizeParticipation(actor, 'read', row);
      const [data] = await consultationViews(db, [row]);
      return {
        data: data!,
        abilities: participationAbilities(actor, row, 'comment' as const, phaseOf(row) === 'open'),
      };
    };

    app.get(
      '/api/participation/consultations',
      {
        config: { permission: 'participation.read' },
        schema: {
          tags,
          summary: '征求意见列表',
          querystring: communityIdQuery,
          response: { 200: consultationListResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        authorizeParticipationList(actor);
        return { data: await listConsultations(db, actor, request.query.communityId) };
      },
    );
    app.post(
      '/api/participation/consultations',
      {
        config: { permission: 'participation.manage' },
        schema: {
          tags,
          summary: '发布征求意见',
          body: createConsultationBody,
          response: { 201: consultationResponse },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const row = await createConsultation(db, actor, request.body);
        return reply.status(201).send(await view(row.id, actor));
      },
    );
    app.get(
      '/api/participation/consultations/:id',
      {
        config: { permission: 'participation.read' },
        schema: { tags, summary: '征求意见详情', params: idParams, response: { 200: consultationResponse } },
      },
      async (request) => view(request.params.id, requireActor(request)),
    );
    app.get(
      '/api/participation/consultations/:id/comments',
      {
        config: { permission: 'participation.read' },
        schema: {
          tags,
          summary: '居民意见（被隐藏的仅工作人员和本人可见）',
          params: idParams,
          response: { 200: commentListResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const row = await loadConsultation(db, actor, request.params.id);
        authorizeParticipation(actor, 'read', row);
        return { data: await commentsOf(db, actor, row.id, canParticipation(actor, 'manage', row)) };
      },
    );
    app.post(
      '/api/participation/consultations/:id/comments',
      {
        config: { permission: 'participation.take_part' },
        schema: {
          tags,
          summary: '发表意见（本社区已实名居民，征求期内）',
          params: idParams,
          body: commentBody,
          response: { 201: commentResponse },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const row = await addComment(db, actor, request.params.id, request.body.body);
        return reply.status(201).send({ data: commentView(actor)(row) });
      },
    );
    app.post(
      '/api/participation/consultations/:id/comments/:commentId/hide',
      {
        config: { permission: 'participation.manage' },
        schema: {
          tags,
          summary: '隐藏意见（须说明理由，记入审计）',
          params: commentParams,
          body: hideCommentBody,
          response: { 200: commentResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const row = await hideComment(db, actor, request.params.id, request.params.commentId, request.body.reason);
        return { data: commentView(actor)(row) };
      },
    );
    app.post(
      '/api/participation/consultations/:id/response',
      {
        config: { permission: 'participation.manage' },
        schema: {
          tags,
          summary: '公布意见采纳情况',
          params: idParams,
          body: respondBody,
          response: { 200: consultationResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await respondToConsultation(db, actor, request.params.id, request.body.summary);
        return view(request.params.id, actor);
      },
    );
    app.post(
      '/api/participation/consultations/:id/attachments',
      {
        config: { permission: 'participation.manage' },
        schema: {
          tags,
          summary: '上传附件（方案文本、图纸等，≤ 20 MB）',
          params: idParams,
          response: { 201: attachmentResponse },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const file = await request.file().catch(() => undefined);
        if (!file) throw invalid('file', '请选择要上传的文件');
        const row = await attachFile(db, files, actor, request.params.id, {
          filename: file.filename,
          mimetype: file.mimetype,
          stream: file.file,
        }).catch((e: unknown) => {
          if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
            throw new AppError('PAYLOAD_TOO_LARGE', { message: '附件不能超过 20 MB' });
          throw e;
        });
        return reply.status(201).send({ data: { id: row.id, name: row.name, bytes: row.bytes, mime: row.mime } });
      },
    );
    app.get(
      '/api/participation/attachments/:id',
      {
        config: { permission: 'participation.read' },
        schema: { tags, summary: '下载附件', params: idParams, response: { 200: fileDownload } },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const file = await attachmentRow(db, request.params.id);
        if (!file) throw new AppError('NOT_FOUND');
        const consultation = await loadConsultation(db, actor, file.consultationId);
        authorizeParticipation(actor, 'read', consultation);
        const { info, stream } = await files.open(file.storageKey);
        return reply
          .header('content-length', info.bytes)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
          .type(file.mime)
          .send(stream);
      },
    );
  };
}
