import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { asc } from 'drizzle-orm';
import { z } from 'zod';
import { idParams, pageQuery } from '../../../contracts/org.ts';
import {
  childKindQuery,
  coUnitListResponse,
  coUnitResponse,
  createCoUnitBody,
  createPairingBody,
  createPartyOrgBody,
  nodeOptionsResponse,
  orgMembersResponse,
  pairingResponse,
  partyOrgDetailResponse,
  partyOrgListQuery,
  partyOrgListResponse,
  partyOrgResponse,
  updatePartyOrgBody,
} from '../../../contracts/party-orgs.ts';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { invalid } from '../../platform/errors.ts';
import { coUnits } from '../org/schema.ts';
import { createCoUnit, endPairing, pairCoUnit } from './commands/co-building.ts';
import { createPartyOrg, retirePartyOrg, updatePartyOrg } from './commands/maintain-party-org.ts';
import {
  childKindsOf,
  loadPartyOrgFor,
  nodeOptions,
  orgDetail,
  orgMembers,
  presentOrg,
  treeLevel,
} from './org-tree.ts';
import { authorizeCoUnitRegistration, authorizePartyOrg } from './policy.ts';
import { decimal, decimalNumber } from '../../../contracts/query.ts';

/** The party organisation tree page (党组织): read one level at a time, maintain, pair co-building units. */
export function partyOrgTreeRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['party'];

    app.get(
      '/api/party/orgs',
      {
        config: { permission: 'party.orgs.read' },
        schema: {
          tags,
          summary: '党组织树的一层（不带 parentId 时为本人范围内的顶层组织）',
          querystring: partyOrgListQuery,
          response: { 200: partyOrgListResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        // The level is read inside the scope; the ability decides whether the tree may be read at all.
        authorizePartyOrg(actor, 'read', { scopePath: actor.scopePath ?? '' });
        return { data: await treeLevel(db, actor, request.query.parentId, request.query.retired) };
      },
    );

    app.post(
      '/api/party/orgs',
      {
        config: { permission: 'party.orgs.manage' },
        schema: {
          tags,
          summary: '新设党组织（联合党委、网格党支部、党小组；街道党工委）',
          body: createPartyOrgBody,
          response: { 201: partyOrgResponse },
        },
      },
      async (request, reply) => {
        const row = await createPartyOrg(db, requireActor(request), request.body);
        return reply.status(201).send({ data: await presentOrg(db, row) });
      },
    );

    app.get(
      '/api/party/orgs/node-options',
      {
        config: { permission: 'party.orgs.manage' },
        schema: {
          tags,
          summary: '新设下级组织可选的治理节点（无上级时为街道）',
          querystring: childKindQuery.extend({ parentId: decimal(decimalNumber().int().positive()).optional() }),
          response: { 200: nodeOptionsResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const { parentId, kind } = request.query;
        if (parentId === undefined) {
          authorizePartyOrg(actor, 'manage', { scopePath: actor.scopePath ?? '' });
          return { data: kind === 'working_committee' ? await nodeOptions(db, actor.scopePath!, kind) : [] };
        }
        const parent = await loadPartyOrgFor(db, actor, parentId);
        authorizePartyOrg(actor, 'manage', parent);
        if (!childKindsOf(parent.kind).includes(kind)) throw invalid('kind', '该上级组织下不能设立此类党组织');
        return { data: await nodeOptions(db, parent.scopePath, kind) };
      },
    );

    app.get(
      '/api/party/orgs/:id',
      {
        config: { permission: 'party.orgs.read' },
        schema: {
          tags,
          summary: '党组织详情（共建单位、设岗定责、可做的操作）',
          params: idParams,
          response: { 200: partyOrgDetailResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const org = await loadPartyOrgFor(db, actor, request.params.id);
        authorizePartyOrg(actor, 'read', org);
        return { data: await orgDetail(db, actor, org) };
      },
    );

    app.get(
      '/api/party/orgs/:id/members',
      {
        config: { permission: 'party.orgs.read' },
        schema: {
          tags,
          summary: '党组织的党员与所认岗位（分页）',
          params: idParams,
          querystring: pageQuery,
          response: { 200: orgMembersResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const org = await loadPartyOrgFor(db, actor, request.params.id);
        authorizePartyOrg(actor, 'read', org);
        return orgMembers(db, org, request.query.page, request.query.pageSize);
      },
    );

    app.patch(
      '/api/party/orgs/:id',
      {
        config: { permission: 'party.orgs.manage' },
        schema: {
          tags,
          summary: '党组织改名、更换书记',
          params: idParams,
          body: updatePartyOrgBody,
          response: { 200: partyOrgResponse },
        },
      },
      async (request) => {
        const row = await updatePartyOrg(db, requireActor(request), request.params.id, request.body);
        return { data: await presentOrg(db, row) };
      },
    );

    app.post(
      '/api/party/orgs/:id/retire',
      {
        config: { permission: 'party.orgs.manage' },
        schema: {
          tags,
          summary: '撤销党组织（须先撤销下级组织、转出党员）',
          params: idParams,
          response: { 200: partyOrgResponse },
        },
      },
      async (request) => {
        const row = await retirePartyOrg(db, requireActor(request), request.params.id);
        return { data: await presentOrg(db, row) };
      },
    );

    app.post(
      '/api/party/orgs/:id/pairings',
      {
        config: { permission: 'party.orgs.manage' },
        schema: {
          tags,
          summary: '结对共建：共建单位与社区联合党委或网格党支部结对',
          params: idParams,
          body: createPairingBody,
          response: { 201: pairingResponse },
        },
      },
      async (request, reply) => {
        return reply
          .status(201)
          .send({ data: await pairCoUnit(db, requireActor(request), request.params.id, request.body) });
      },
    );

    app.delete(
      '/api/party/pairings/:id',
      {
        config: { permission: 'party.orgs.manage' },
        schema: { tags, summary: '结束结对共建', params: idParams, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await endPairing(db, requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/party/co-units/directory',
      {
        config: { permission: 'party.orgs.read' },
        schema: { tags, summary: '共建单位名录（含地址与联系人，供结对选择）', response: { 200: coUnitListResponse } },
      },
      async (request) => {
        authorizeCoUnitRegistration(requireActor(request));
        const rows = await db
          .select({
            id: coUnits.id,
            name: coUnits.name,
            type: coUnits.type,
            address: coUnits.address,
            contactName: coUnits.contactName,
          })
          .from(coUnits)
          .orderBy(asc(coUnits.name))
          .limit(1000);
        return { data: rows };
      },
    );

    app.post(
      '/api/party/co-units',
      {
        config: { permission: 'party.orgs.manage' },
        schema: { tags, summary: '登记共建单位', body: createCoUnitBody, response: { 201: coUnitResponse } },
      },
      async (request, reply) => {
        const row = await createCoUnit(db, requireActor(request), request.body);
        return reply.status(201).send({
          data: { id: row.id, name: row.name, type: row.type, address: row.address, contactName: row.contactName },
        });
      },
    );
  };
}
