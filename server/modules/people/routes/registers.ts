import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import { idParams } from '../../../../contracts/org.ts';
import {
  componentBody,
  componentResponse,
  entityBody,
  entityResponse,
  moveOutBody,
  residentEditBody,
  savedIdResponse,
} from '../../../../contracts/people.ts';
import type { AppDeps } from '../../../app-deps.ts';
import { requireActor } from '../../../platform/auth/plugin.ts';
import { AppError } from '../../../platform/errors.ts';
import { orgNodes } from '../../org/schema.ts';
import { editResident } from '../commands/edit-resident.ts';
import { moveOut } from '../commands/move-out.ts';
import { saveComponent } from '../commands/save-component.ts';
import { saveEntity } from '../commands/save-entity.ts';
import type { PiiCodec } from '../pii.ts';
import { authorizePeople, peopleAbilities, peopleScopeWhere } from '../policy.ts';
import { components, entities } from '../schema.ts';

/**
 * Registers by hand: legal entities and city components created and corrected one at a time,
 * residents corrected and moved out (creation and moves: routes/residents.ts). Every change goes
 * through the import's row checks and writes an audit row; access is people/policy.ts.
 */
export function registerRoutes(deps: AppDeps, codec: PiiCodec): FastifyPluginAsyncZod {
  const { db, gridLookup } = deps;
  const tags = ['people'];
  return async (app) => {
    app.get(
      '/api/people/entities/:id',
      {
        config: { permission: 'people.read' },
        schema: { tags, summary: '法人单位详情', params: idParams, response: { 200: entityResponse } },
      },
      async (request) => {
        const actor = requireActor(request);
        authorizePeople(actor, 'read', null);
        const [row] = await db
          .select({ entity: entities, gridName: orgNodes.name })
          .from(entities)
          .leftJoin(orgNodes, eq(orgNodes.id, entities.gridNodeId))
          .where(and(eq(entities.id, request.params.id), peopleScopeWhere(actor, entities.scopePath)));
        if (!row) throw new AppError('NOT_FOUND');
        authorizePeople(actor, 'read', row.entity);
        const e = row.entity;
        return {
          data: {
            id: e.id,
            creditCode: e.creditCode,
            name: e.name,
            type: e.type,
            legalRep: e.legalRep,
            address: e.address,
            gridId: e.gridNodeId,
            gridName: row.gridName,
            employees: e.employees,
          },
          abilities: peopleAbilities(actor, e).filter((a) => a !== 'reveal'),
        };
      },
    );

    app.post(
      '/api/people/entities',
      {
        config: { permission: 'people.write' },
        schema: {
          tags,
          summary: '登记法人单位（统一社会信用代码校验同导入）',
          body: entityBody,
          response: { 201: savedIdResponse },
        },
      },
      async (request, reply) => {
        return reply
          .status(201)
          .send({ data: { id: await saveEntity(db, requireActor(request), null, request.body) } });
      },
    );

    app.put(
      '/api/people/entities/:id',
      {
        config: { permission: 'people.write' },
        schema: {
          tags,
          summary: '修改法人单位',
          params: idParams,
          body: entityBody,
          response: { 200: savedIdResponse },
        },
      },
      async (request) => {
        return { data: { id: await saveEntity(db, requireActor(request), request.params.id, request.body) } };
      },
    );

    app.get(
      '/api/people/components/:id',
      {
        config: { permission: 'people.read' },
        schema: { tags, summary: '城市部件详情', params: idParams, response: { 200: componentResponse } },
      },
      async (request) => {
        const actor = requireActor(request);
        authorizePeople(actor, 'read', null);
        const [row] = await db
          .select({ component: components, gridName: orgNodes.name })
          .from(components)
          .leftJoin(orgNodes, eq(orgNodes.id, components.gridNodeId))
          .where(and(eq(components.id, request.params.id), peopleScopeWhere(actor, components.scopePath)));
        if (!row) throw new AppError('NOT_FOUND');
        authorizePeople(actor, 'read', row.component);
        const c = row.component;
        return {
          data: {
            id: c.id,
            componentCode: c.componentCode,
            name: c.name,
            lng: c.lng,
            lat: c.lat,
            state: c.state,
            ownerUnit: c.ownerUnit,
            maintainerUnit: c.maintainerUnit,
            gridId: c.gridNodeId,
            gridName: row.gridName,
          },
          abilities: peopleAbilities(actor, c).filter((a) => a !== 'reveal'),
        };
      },
    );

    app.post(
      '/api/people/components',
      {
        config: { permission: 'people.write' },
        schema: {
          tags,
          summary: '登记城市部件（部件编码校验同导入，坐标须在管辖网格内）',
          body: componentBody,
          response: { 201: savedIdResponse },
        },
      },
      async (request, reply) => {
        return reply
          .status(201)
          .send({ data: { id: await saveComponent(db, gridLookup, requireActor(request), null, request.body) } });
      },
    );

    app.put(
      '/api/people/components/:id',
      {
        config: { permission: 'people.write' },
        schema: {
          tags,
          summary: '修改城市部件',
          params: idParams,
          body: componentBody,
          response: { 200: savedIdResponse },
        },
      },
      async (request) => {
        return {
          data: { id: await saveComponent(db, gridLookup, requireActor(request), request.params.id, request.body) },
        };
      },
    );

    app.put(
      '/api/people/residents/:id',
      {
        config: { permission: 'people.write' },
        schema: {
          tags,
          summary: '修改居民信息（证件号码、电话不填则不变）',
          params: idParams,
          body: residentEditBody,
          response: { 200: savedIdResponse },
        },
      },
      async (request) => {
        await editResident(db, codec, requireActor(request), request.params.id, request.body);
        return { data: { id: request.params.id } };
      },
    );

    app.post(
      '/api/people/residents/:id/move-out',
      {
        config: { permission: 'people.write' },
        schema: {
          tags,
          summary: '居民迁出（关闭当前居住记录，保留历史）',
          params: idParams,
          body: moveOutBody,
          response: { 200: savedIdResponse },
        },
      },
      async (request) => {
        await moveOut(db, requireActor(request), request.params.id, request.body.movedOutOn);
        return { data: { id: request.params.id } };
      },
    );
  };
}
