import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { CASE_REVEAL_ACTION } from '../../../../contracts/case-contact.ts';
import { idParams } from '../../../../contracts/org.ts';
import {
  bboxQuery,
  componentListQuery,
  componentNearbyQuery,
  entityListQuery,
  houseBody,
  houseListQuery,
  revealLogQuery,
  tenancyBody,
} from '../../../../contracts/people.ts';
import {
  careTagsResponse,
  componentGeojsonResponse,
  componentPageResponse,
  entityPageResponse,
  houseDetailResponse,
  housePageResponse,
  nearbyComponentsResponse,
  revealLogResponse,
  tenancyResponse,
} from '../../../../contracts/people-responses.ts';
import type { AppDeps } from '../../../app-deps.ts';
import { requireActor } from '../../../platform/auth/plugin.ts';
import { underPath } from '../../../platform/scope.ts';
import { auditLog, users } from '../../accounts/schema.ts';
import { registerTenancy, saveHouse } from '../commands/save-house.ts';
import { assertCanPickComponents, authorizePeople, canPeople } from '../policy.ts';
import {
  componentPage,
  componentsInBbox,
  componentsNear,
  entityPage,
  houseDetail,
  housePage,
} from '../queries/basedata.ts';
import { activeCareTags } from '../care-tags.ts';

// Case reveals (a reporter's phone) are personal-data reveals too and are reviewed on the same page.
const LOGGED_ACTIONS = ['people.reveal', 'people.export', 'people.export.reveal', CASE_REVEAL_ACTION];

export function basedataRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  const tags = ['people'];
  return async (app) => {
    app.get(
      '/api/people/houses',
      {
        config: { permission: 'people.read' },
        schema: { tags, summary: '房屋列表', querystring: houseListQuery, response: { 200: housePageResponse } },
      },
      async (request) => {
        const actor = requireActor(request);
        authorizePeople(actor, 'read', null);
        return housePage(db, actor, request.query);
      },
    );

    app.get(
      '/api/people/houses/:id',
      {
        config: { permission: 'people.read' },
        schema: {
          tags,
          summary: '房屋详情（用途、住户、租户登记）',
          params: idParams,
          response: { 200: houseDetailResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const house = await houseDetail(db, actor, request.params.id);
        authorizePeople(actor, 'read', { scopePath: house.ref.path });
        const row = { scopePath: house.ref.path };
        return {
          data: { id: house.ref.id, code: house.ref.code, address: house.ref.address, ...house },
          abilities: canPeople(actor, 'write', row) ? ['read', 'write'] : ['read'],
        };
      },
    );

    app.put(
      '/api/people/houses/:id',
      {
        config: { permission: 'people.write' },
        schema: {
          tags,
          summary: '登记房屋用途/面积/产权人',
          params: idParams,
          body: houseBody,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await saveHouse(db, requireActor(request), request.params.id, request.body);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/people/houses/:id/tenancies',
      {
        config: { permission: 'people.write' },
        schema: {
          tags,
          summary: '出租房屋租户登记',
          params: idParams,
          body: tenancyBody,
          response: { 201: tenancyResponse },
        },
      },
      async (request, reply) => {
        const row = await registerTenancy(db, requireActor(request), request.params.id, request.body);
        return reply.status(201).send({ data: row });
      },
    );

    app.get(
      '/api/people/entities',
      {
        config: { permission: 'people.read' },
        schema: { tags, summary: '法人单位列表', querystring: entityListQuery, response: { 200: entityPageResponse } },
      },
      async (request) => {
        const actor = requireActor(request);
        authorizePeople(actor, 'read', null);
        return entityPage(db, actor, request.query);
      },
    );

    app.get(
      '/api/people/components',
      {
        config: { permission: 'people.read' },
        schema: {
          tags,
          summary: '城市部件列表',
          querystring: componentListQuery,
          response: { 200: componentPageResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        authorizePeople(actor, 'read', null);
        return componentPage(db, actor, request.query);
      },
    );

    // Any staff member who may report a case picks components on the map; residents cannot see them.
    app.get(
      '/api/people/components/geojson',
      {
        config: { permission: 'people.read' },
        schema: {
          tags,
          summary: '范围内城市部件（GeoJSON 点，地图与上报选择）',
          querystring: bboxQuery,
          response: { 200: componentGeojsonResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        authorizePeople(actor, 'read', null);
        return componentsInBbox(db, actor, request.query);
      },
    );

    // Case reporting (any reporter, residents included): the components around the pin, nearest first.
    app.get(
      '/api/people/components/nearby',
      {
        config: { permission: 'people.pick-components' },
        schema: {
          tags,
          summary: '附近的城市部件（上报案件时选择，按距离排序）',
          querystring: componentNearbyQuery,
          response: { 200: nearbyComponentsResponse },
        },
      },
      async (request) => {
        assertCanPickComponents(requireActor(request));
        return { data: await componentsNear(db, request.query) };
      },
    );

    app.get(
      '/api/people/care-tags',
      {
        config: { permission: 'people.read' },
        schema: { tags, summary: '关怀标签（受控列表）', response: { 200: careTagsResponse } },
      },
      async (request) => {
        authorizePeople(requireActor(request), 'read', null);
        return { data: [...(await activeCareTags(db))] };
      },
    );

    app.get(
      '/api/people/reveal-log',
      {
        schema: {
          tags,
          summary: '个人信息查看与导出记录（含案件反映人电话查看；社区书记及以上审阅）',
          querystring: revealLogQuery,
          response: { 200: revealLogResponse },
        },
        config: { permission: 'people.review-reveals' },
      },
      async (request) => {
        const actor = requireActor(request);
        authorizePeople(actor, 'review_reveals', null);
        const where = and(
          inArray(auditLog.action, LOGGED_ACTIONS),
          underPath(auditLog.scopePath, actor.scopePath ?? ''),
        );
        const { page, pageSize } = request.query;
        const [rows, [count]] = await Promise.all([
          db
            .select({
              id: auditLog.id,
              at: auditLog.at,
              action: auditLog.action,
              targetType: auditLog.targetType,
              targetId: auditLog.targetId,
              summary: auditLog.summary,
              ip: auditLog.ip,
              actor: users.displayName,
              actorRole: auditLog.actorRole,
            })
            .from(auditLog)
            .leftJoin(users, eq(users.id, auditLog.actorUserId))
            .where(where)
            .orderBy(desc(auditLog.id))
            .limit(pageSize)
            .offset((page - 1) * pageSize),
          db
            .select({ n: sql<number>`count(*)::int` })
            .from(auditLog)
            .where(where),
        ]);
        return { data: rows, page: { page, pageSize, total: Number(count?.n ?? 0) } };
      },
    );
  };
}
