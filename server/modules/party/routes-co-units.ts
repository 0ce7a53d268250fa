import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { coUnitBriefListResponse, coUnitBriefResponse, coUnitMembersResponse } from '../../../contracts/party-views.ts';
import { coUnitMembersQuery } from '../../../contracts/party.ts';
import { idParams } from '../../../contracts/org.ts';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { AppError } from '../../platform/errors.ts';
import { coUnitMembers, findCoUnit, listCoUnits } from './co-units.ts';
import { loadViewer } from './membership.ts';
import { periodOf } from './periods.ts';
import { coUnitMemberFilter } from './policy.ts';

/** Co-building units (共建单位): the list members pick their work unit from, and each unit's members. */
export function partyCoUnitRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['party'];

    app.get(
      '/api/party/co-units',
      {
        config: { permission: 'party.coUnits.list' },
        schema: { response: { 200: coUnitBriefListResponse }, tags, summary: '共建单位（双报到时选择工作单位）' },
      },
      async (request) => {
        requireActor(request);
        return { data: await listCoUnits(db) };
      },
    );

    app.get(
      '/api/party/co-units/mine',
      {
        config: { permission: 'party.coUnits.mine' },
        schema: { response: { 200: coUnitBriefResponse }, tags, summary: '我所代表的共建单位' },
      },
      async (request) => {
        const v = await loadViewer(db, requireActor(request));
        const unit = v.coUnitId === null ? null : await findCoUnit(db, v.coUnitId);
        if (!unit) throw new AppError('NOT_FOUND', { message: '该账号未关联共建单位' });
        return { data: unit };
      },
    );

    app.get(
      '/api/party/co-units/:id/members',
      {
        config: { permission: 'party.coUnits.members' },
        schema: {
          response: { 200: coUnitMembersResponse },
          tags,
          summary: '共建单位派出的在职党员及其社区服务情况',
          params: idParams,
          querystring: coUnitMembersQuery,
        },
      },
      async (request) => {
        const v = await loadViewer(db, requireActor(request));
        const scope = coUnitMemberFilter(v, request.params.id);
        const unit = await findCoUnit(db, request.params.id);
        if (!unit) throw new AppError('NOT_FOUND');
        const q = request.query;
        const year = q.year ?? Number(periodOf('year', new Date()).key);
        return { unit, year, ...(await coUnitMembers(db, unit.id, scope, year, q.page, q.pageSize)) };
      },
    );
  };
}
