import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  departmentVoteResponse,
  propertyCompaniesResponse,
  propertyListResponse,
  propertyRatingResponse,
  ratingResultResponse,
  ratingRunDetailResponse,
  ratingRunListResponse,
  ratingRunResponse,
  savedStarConfigResponse,
  starConfigResponse,
  streetResponse,
  adjustResultBody,
  computeDepartmentBody,
  computePropertyBody,
  computeStarBody,
  departmentVoteBody,
  ratePropertyBody,
  runListQuery,
  starConfigBody,
} from '../../../contracts/ratings.ts';
import { idParams } from '../../../contracts/org.ts';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { AppError } from '../../platform/errors.ts';
import { loadNodeInScope } from '../org/load-node.ts';
import { orgNodes } from '../org/schema.ts';
import { adjustStarResult } from './commands/adjust-result.ts';
import { computeDepartmentRatings } from './commands/compute-department.ts';
import { computePropertyList } from './commands/compute-property.ts';
import { computeStarRating } from './commands/compute-star.ts';
import { rateProperty } from './commands/rate-property.ts';
import { saveStarConfig } from './commands/save-star-config.ts';
import { voteDepartment } from './commands/vote-department.ts';
import { DEFAULT_STAR_INDICATORS, STAR_FORMULA } from './formulas.ts';
import { assertCanReadRuns, authorizeRating, authorizeRunRead, canRating, ratingRunScopeWhere } from './policy.ts';
import { NO_RATING_PORTS, type RatingPorts } from './ports.ts';
import { latestRun, runResults, runsList } from './queries.ts';
import { propertyCompanies, ratingRuns, starRatingConfigs } from './schema.ts';
import { decimal, decimalNumber } from '../../../contracts/query.ts';

const streetQuery = z.object({ streetId: decimal(decimalNumber().int().positive()) });

export function ratingsRoutes(deps: AppDeps, ports: RatingPorts = NO_RATING_PORTS): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['ratings'];

    /** A street the actor lives or works in or covers (the published lists), else 404. */
    async function streetFor(actor: ReturnType<typeof requireActor>, streetId: number) {
      const [street] = await db.select().from(orgNodes).where(eq(orgNodes.id, streetId));
      if (!street || street.level !== 'street' || !canRating(actor, 'read_list', street.path))
        throw new AppError('NOT_FOUND');
      return street;
    }

    app.get(
      '/api/ratings/star-config',
      {
        config: { permission: 'ratings.read' },
        schema: { tags, summary: '支部评星指标配置', querystring: streetQuery, response: { 200: starConfigResponse } },
      },
      async (request) => {
        const actor = requireActor(request);
        const street = await streetFor(actor, request.query.streetId);
        authorizeRating(actor, 'read', street.path);
        const [config] = await db.select().from(starRatingConfigs).where(eq(starRatingConfigs.streetId, street.id));
        // The formula travels with the weights, so the configuration screen shows what a run will compute.
        return {
          data: {
            indicators: config?.indicators ?? DEFAULT_STAR_INDICATORS,
            isDefault: !config,
            formula: STAR_FORMULA,
          },
          abilities: (['compute'] as const).filter((a) => canRating(actor, a, street.path)),
        };
      },
    );
    app.put(
      '/api/ratings/star-config',
      {
        config: { permission: 'ratings.compute' },
        schema: {
          tags,
          summary: '修改支部评星指标（权重、目标值）',
          querystring: streetQuery,
          body: starConfigBody,
          response: { 200: savedStarConfigResponse },
        },
      },
      async (request) => {
        return {
          data: await saveStarConfig(db, requireActor(request), request.query.streetId, request.body.indicators),
        };
      },
    );
    app.post(
      '/api/ratings/star-runs',
      {
        config: { permission: 'ratings.compute' },
        schema: { tags, summary: '计算支部星级（年度）', body: computeStarBody, response: { 201: ratingRunResponse } },
      },
      async (request, reply) => {
        return reply
          .status(201)
          .send({ data: await computeStarRating(db, requireActor(request), request.body, ports) });
      },
    );
    app.post(
      '/api/ratings/property-runs',
      {
        config: { permission: 'ratings.compute' },
        schema: {
          tags,
          summary: '计算红色物业月度得分',
          body: computePropertyBody,
          response: { 201: ratingRunResponse },
        },
      },
      async (request, reply) => {
        return reply
          .status(201)
          .send({ data: await computePropertyList(db, requireActor(request), request.body, ports) });
      },
    );
    app.post(
      '/api/ratings/department-runs',
      {
        config: { permission: 'ratings.compute' },
        schema: {
          tags,
          summary: '计算职能部门年度考评',
          body: computeDepartmentBody,
          response: { 201: ratingRunResponse },
        },
      },
      async (request, reply) => {
        return reply
          .status(201)
          .send({ data: await computeDepartmentRatings(db, requireActor(request), request.body, ports) });
      },
    );

    app.get(
      '/api/ratings/runs',
      {
        config: { permission: 'ratings.runs.read' },
        schema: { tags, summary: '考评计算记录', querystring: runListQuery, response: { 200: ratingRunListResponse } },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCanReadRuns(actor);
        // Runs are per street: staff of a community see their street's runs, streets and districts those under them.
        const where = ratingRunScopeWhere(actor);
        const rows = await runsList(
          db,
          sql`${where} ${request.query.kind ? sql`and ${ratingRuns.kind} = ${request.query.kind}` : sql``} ${request.query.streetId ? sql`and ${ratingRuns.streetId} = ${request.query.streetId}` : sql``}`,
        );
        return { data: rows };
      },
    );
    app.get(
      '/api/ratings/runs/:id',
      {
        config: { permission: 'ratings.runs.read' },
        schema: {
          tags,
          summary: '考评结果（含输入、公式与可复算校验）',
          params: idParams,
          response: { 200: ratingRunDetailResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const [run] = await db.select().from(ratingRuns).where(eq(ratingRuns.id, request.params.id));
        authorizeRunRead(actor, run);
        return {
          data: { ...run, results: await runResults(db, run.id, run.kind) },
          abilities: (['adjust'] as const).filter((a) => canRating(actor, a, actor.scopePath ?? '')),
        };
      },
    );
    app.post(
      '/api/ratings/results/:id/adjust',
      {
        config: { permission: 'ratings.adjust' },
        schema: {
          tags,
          summary: '书记调整支部星级（须说明理由）',
          params: idParams,
          body: adjustResultBody,
          response: { 200: ratingResultResponse },
        },
      },
      async (request) => {
        return { data: await adjustStarResult(db, requireActor(request), request.params.id, request.body) };
      },
    );

    app.get(
      '/api/ratings/property-list',
      {
        config: { permission: 'ratings.readList' },
        schema: {
          tags,
          summary: '红色物业双色榜（最新一期）',
          querystring: streetQuery,
          response: { 200: propertyListResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const street = await streetFor(actor, request.query.streetId);
        const run = await latestRun(db, 'property_month', [street.id]);
        const results = run ? await runResults(db, run.id, run.kind) : [];
        return {
          data: {
            street: { id: street.id, name: street.name },
            run,
            red: results.filter((r) => r.outcome === 'red'),
            yellow: results.filter((r) => r.outcome === 'yellow'),
          },
        };
      },
    );
    app.get(
      '/api/ratings/property-companies',
      {
        config: { permission: 'ratings.readList' },
        schema: {
          tags,
          summary: '物业公司及其管理的小区数',
          querystring: streetQuery,
          response: { 200: propertyCompaniesResponse },
        },
      },
      async (request) => {
        const street = await streetFor(requireActor(request), request.query.streetId);
        return {
          data: await db
            .select({
              id: propertyCompanies.id,
              name: propertyCompanies.name,
              estates: sql<number>`(select count(*)::int from property_company_estates e where e.company_id = ${propertyCompanies.id})`,
            })
            .from(propertyCompanies)
            .where(eq(propertyCompanies.streetId, street.id)),
        };
      },
    );
    app.post(
      '/api/ratings/property-ratings',
      {
        config: { permission: 'ratings.rateProperty' },
        schema: {
          tags,
          summary: '居民评价本小区物业（每月一次）',
          body: ratePropertyBody,
          response: { 201: propertyRatingResponse },
        },
      },
      async (request, reply) => {
        return reply.status(201).send({ data: await rateProperty(db, requireActor(request), request.body) });
      },
    );
    app.post(
      '/api/ratings/department-votes',
      {
        config: { permission: 'ratings.vote' },
        schema: {
          tags,
          summary: '社区对职能部门年度评议',
          body: departmentVoteBody,
          response: { 201: departmentVoteResponse },
        },
      },
      async (request, reply) => {
        return reply.status(201).send({ data: await voteDepartment(db, requireActor(request), request.body) });
      },
    );
    app.get(
      '/api/ratings/streets/:id',
      {
        config: { permission: 'ratings.street' },
        schema: { tags, summary: '街道（考评页面的范围选择）', params: idParams, response: { 200: streetResponse } },
      },
      async (request) => {
        const node = await loadNodeInScope(db, requireActor(request), request.params.id, 'street');
        return { data: { id: node.id, name: node.name } };
      },
    );
  };
}
