import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  communityIdQuery,
  createSurveyBody,
  surveyAnswerBody,
  surveyAnsweredResponse,
  surveyListResponse,
  surveyResponse,
  surveyResultsResponse,
} from '../../../contracts/participation.ts';
import { idParams } from '../../../contracts/org.ts';
import type { AppDeps } from '../../app-deps.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { answerSurvey, createSurvey, loadSurvey } from './commands/surveys.ts';
import { phaseOf } from './load.ts';
import { authorizeParticipation, authorizeParticipationList, participationAbilities } from './policy.ts';
import { listSurveys, surveyResultsOf, surveyViews } from './survey-queries.ts';

/** 问卷: staff publish, verified residents answer once, staff read the results. */
export function surveyRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['participation'];
    const view = async (id: number, actor: Actor) => {
      const row = await loadSurvey(db, actor, id);
      authorizeParticipation(actor, 'read', row);
      const [data] = await surveyViews(db, actor, [row]);
      return { data: data!, abilities: participationAbilities(actor, row, 'answer' as const, phaseOf(row) === 'open') };
    };

    app.get(
      '/api/participation/surveys',
      {
        config: { permission: 'participation.read' },
        schema: { tags, summary: '问卷列表', querystring: communityIdQuery, response: { 200: surveyListResponse } },
      },
      async (request) => {
        const actor = requireActor(request);
        authorizeParticipationList(actor);
        return { data: await listSurveys(db, actor, request.query.communityId) };
      },
    );
    app.post(
      '/api/participation/surveys',
      {
        config: { permission: 'participation.manage' },
        schema: { tags, summary: '发布问卷', body: createSurveyBody, response: { 201: surveyResponse } },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const row = await createSurvey(db, actor, request.body);
        return reply.status(201).send(await view(row.id, actor));
      },
    );
    app.get(
      '/api/participation/surveys/:id',
      {
        config: { permission: 'participation.read' },
        schema: { tags, summary: '问卷详情', params: idParams, response: { 200: surveyResponse } },
      },
      async (request) => view(request.params.id, requireActor(request)),
    );
    app.post(
      '/api/participation/surveys/:id/responses',
      {
        config: { permission: 'participation.take_part' },
        schema: {
          tags,
          summary: '提交问卷（每位已实名居民一次）',
          params: idParams,
          body: surveyAnswerBody,
          response: { 201: surveyAnsweredResponse },
        },
      },
      async (request, reply) => {
        const data = await answerSurvey(db, requireActor(request), request.params.id, request.body.answers);
        return reply.status(201).send({ data });
      },
    );
    app.get(
      '/api/participation/surveys/:id/results',
      {
        config: { permission: 'participation.manage' },
        schema: { tags, summary: '问卷统计（工作人员）', params: idParams, response: { 200: surveyResultsResponse } },
      },
      async (request) => {
        const actor = requireActor(request);
        const row = await loadSurvey(db, actor, request.params.id);
        authorizeParticipation(actor, 'manage', row);
        return { data: await surveyResultsOf(db, row) };
      },
    );
  };
}
