import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../contracts/org.ts';
import {
  checkInBody,
  checkInResponse,
  findingBody,
  findingResponse,
  patrolCandidatesQuery,
  patrolCandidatesResponse,
  patrolDetailResponse,
  patrolFiguresResponse,
  patrolListQuery,
  patrolListResponse,
  patrolPlanBody,
  patrolStatusBody,
} from '../../../contracts/patrols.ts';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { changePlanStatus, createPlan, updatePlan } from './commands/save-plan.ts';
import { checkIn, recordFinding } from './commands/walk.ts';
import { candidatesFor, gridsUnder, loadPlan, scopeNode } from './load.ts';
import { authorizePatrol, authorizePatrolList, authorizePlanCreate } from './policy.ts';
import { listPlans, planDetail, planFigures } from './queries.ts';

export function patrolsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['patrols'];
    const detail = async (request: { params: { id: number } }, actor: ReturnType<typeof requireActor>) => {
      const plan = await loadPlan(db, request.params.id);
      authorizePatrol(actor, 'read', plan);
      return { data: await planDetail(db, actor, plan) };
    };

    app.get(
      '/api/patrols',
      {
        config: { permission: 'patrols.read' },
        schema: {
          tags,
          summary: '联合巡查计划（本人参加的与管辖范围内的）',
          querystring: patrolListQuery,
          response: { 200: patrolListResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        authorizePatrolList(actor);
        return listPlans(db, actor, request.query);
      },
    );
    app.get(
      '/api/patrols/candidates',
      {
        config: { permission: 'patrols.plan' },
        schema: {
          tags,
          summary: '可编入巡查的成员与可选网格',
          querystring: patrolCandidatesQuery,
          response: { 200: patrolCandidatesResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const node = await scopeNode(db, request.query.scopeNodeId);
        authorizePlanCreate(actor, node?.path ?? null);
        const [members, grids] = await Promise.all([candidatesFor(db, node!.path), gridsUnder(db, node!.path)]);
        return { data: { members: members.map(({ departmentId: _d, ...m }) => m), grids } };
      },
    );
    app.post(
      '/api/patrols',
      {
        config: { permission: 'patrols.plan' },
        schema: { tags, summary: '编排联合巡查计划', body: patrolPlanBody, response: { 201: patrolDetailResponse } },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const plan = await createPlan(db, actor, request.body);
        return reply.status(201).send(await detail({ params: { id: plan.id } }, actor));
      },
    );
    app.get(
      '/api/patrols/:id',
      {
        config: { permission: 'patrols.read' },
        schema: {
          tags,
          summary: '巡查计划详情（路线、签到、发现问题）',
          params: idParams,
          response: { 200: patrolDetailResponse },
        },
      },
      async (request) => detail(request, requireActor(request)),
    );
    app.put(
      '/api/patrols/:id',
      {
        config: { permission: 'patrols.plan' },
        schema: {
          tags,
          summary: '修改未开始的巡查计划',
          params: idParams,
          body: patrolPlanBody,
          response: { 200: patrolDetailResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await updatePlan(db, actor, request.params.id, request.body);
        return detail(request, actor);
      },
    );
    app.post(
      '/api/patrols/:id/status',
      {
        config: { permission: 'patrols.plan' },
        schema: {
          tags,
          summary: '开始、结束或取消巡查',
          params: idParams,
          body: patrolStatusBody,
          response: { 200: patrolDetailResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await changePlanStatus(db, actor, request.params.id, request.body.action);
        return detail(request, actor);
      },
    );
    app.post(
      '/api/patrols/:id/check-ins',
      {
        config: { permission: 'patrols.walk' },
        schema: {
          tags,
          summary: '成员在路线网格签到',
          params: idParams,
          body: checkInBody,
          response: { 201: checkInResponse },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const row = await checkIn(deps, actor, request.params.id, request.body);
        return reply.status(201).send({
          data: {
            id: row.id,
            gridId: row.gridId,
            userId: row.userId,
            displayName: actor.displayName,
            at: row.at.toISOString(),
            lng: row.lng,
            lat: row.lat,
          },
        });
      },
    );
    app.post(
      '/api/patrols/:id/findings',
      {
        config: { permission: 'patrols.walk' },
        schema: {
          tags,
          summary: '上报巡查发现的问题（立案并派遣）',
          params: idParams,
          body: findingBody,
          response: { 201: findingResponse },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const found = await recordFinding(deps, actor, request.params.id, request.body);
        return reply.status(201).send({
          data: {
            id: found.findingId,
            gridId: request.body.gridId,
            userId: actor.userId,
            displayName: actor.displayName,
            categoryName: found.category,
            description: request.body.description,
            at: new Date().toISOString(),
            caseId: found.caseId,
            caseNo: found.caseNo,
            caseState: found.caseState,
          },
        });
      },
    );
    app.get(
      '/api/patrols/:id/figures',
      {
        config: { permission: 'patrols.read' },
        schema: {
          tags,
          summary: '巡查成效：成员、网格覆盖、签到、发现问题与办结',
          params: idParams,
          response: { 200: patrolFiguresResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const plan = await loadPlan(db, request.params.id);
        authorizePatrol(actor, 'read', plan);
        return { data: await planFigures(db, plan) };
      },
    );
  };
}
