import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileDownload } from '../../../contracts/participation.ts';
import {
  portalIntroBody,
  portalIntroResponse,
  portalParams,
  portalResponse,
} from '../../../contracts/participation-portal.ts';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { AppError } from '../../platform/errors.ts';
import { fileStore } from '../../platform/files/index.ts';
import { savePortalIntro } from './commands/portal-intro.ts';
import { publicConsultations } from './consultation-queries.ts';
import { authorizePortal } from './policy.ts';
import type { PortalPorts } from './ports.ts';
import { portalCommunity, publicAttachment } from './portal-queries.ts';
import { publicVoteResults } from './vote-queries.ts';
import { decimal, decimalNumber } from '../../../contracts/query.ts';

const DEFAULT_INTRO = '社区工作人员尚未填写简介。';

/**
 * 完美社区网: a community's public page, readable without signing in. It shows only what the
 * community published — notices, consultations that have opened and their answers, results of
 * closed votes, published 四议两公开 — and never names a resident.
 */
export function portalRoutes(deps: AppDeps, ports: PortalPorts): FastifyPluginAsyncZod {
  const { db } = deps;
  const files = fileStore(deps);
  return async (app) => {
    const tags = ['participation'];
    const community = async (code: string) => {
      const row = await portalCommunity(db, code);
      authorizePortal(row);
      return row!;
    };

    app.get(
      '/api/public/portal/:communityCode',
      {
        config: { public: true, permission: 'participation.portal' },
        schema: {
          tags,
          summary: '社区门户（完美社区网，公开，无需登录）',
          params: portalParams,
          response: { 200: portalResponse },
        },
      },
      async (request) => {
        const c = await community(request.params.communityCode);
        const [notices, consultations, voteResults, decisions] = await Promise.all([
          ports.communityNotices(db, c.id),
          publicConsultations(db, c.id),
          publicVoteResults(db, c.id),
          ports.publishedDecisions(db, c.id),
        ]);
        return {
          data: {
            community: { code: c.code, name: c.name, streetName: c.streetName ?? '', intro: c.intro ?? DEFAULT_INTRO },
            notices,
            consultations,
            voteResults,
            decisions,
          },
        };
      },
    );
    app.get(
      '/api/public/portal/:communityCode/attachments/:id',
      {
        config: { public: true, permission: 'participation.portal' },
        schema: {
          tags,
          summary: '社区门户：征求意见附件下载（公开）',
          params: portalParams.extend({ id: decimal(decimalNumber().int().positive()) }),
          response: { 200: fileDownload },
        },
      },
      async (request, reply) => {
        const c = await community(request.params.communityCode);
        const file = await publicAttachment(db, c.id, request.params.id);
        if (!file) throw new AppError('NOT_FOUND');
        const { info, stream } = await files.open(file.storageKey);
        return reply
          .header('content-length', info.bytes)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
          .type(file.mime)
          .send(stream);
      },
    );
    app.put(
      '/api/participation/portal/:id/intro',
      {
        config: { permission: 'participation.manage' },
        schema: {
          tags,
          summary: '编辑社区门户简介',
          params: z.object({ id: decimal(decimalNumber().int().positive()) }),
          body: portalIntroBody,
          response: { 200: portalIntroResponse },
        },
      },
      async (request) => {
        return { data: await savePortalIntro(db, requireActor(request), request.params.id, request.body.intro) };
      },
    );
  };
}
