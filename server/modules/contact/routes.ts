import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { shanghaiToday } from '../../platform/calendar/local-day.ts';
import {
  assignBody,
  assignResponse,
  candidateListResponse,
  communityQuery,
  coverageResponse,
  createRoundBody,
  myHouseholdsQuery,
  myHouseholdsResponse,
  recordVisitBody,
  roundListResponse,
  roundResponse,
  visitListResponse,
  visitResponse,
} from '../../../contracts/contact.ts';
import { idParams } from '../../../contracts/org.ts';
import type { AppDeps } from '../../app-deps.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { AppError } from '../../platform/errors.ts';
import { assignHouseholds } from './commands/assign-households.ts';
import { createRound } from './commands/create-round.ts';
import { recordVisit } from './commands/record-visit.ts';
import { communityIdOf, loadCommunity, loadHouse, loadRound } from './load.ts';
import { authorizeContact, contactAbilities, coverageRoot, mayContactAtAll } from './policy.ts';
import {
  contactCandidates,
  currentRound,
  myHouseholds,
  roundCoverage,
  roundsOf,
  roundView,
  visitsOfHouse,
} from './queries.ts';

/** Roles whose accounts may keep households (those holding contact.visit). */
const CONTACT_ROLES = ['community_secretary', 'community_staff', 'grid_worker', 'party_member', 'street_admin'];

export function contactRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['contact'];

    /** The community asked for, or the actor's own; 403 without any 包保联户 right, 404 outside reach. */
    async function community(actor: Actor, id: number | undefined) {
      if (!mayContactAtAll(actor, 'read_rounds')) throw new AppError('FORBIDDEN');
      const communityId = id ?? communityIdOf(actor.scopePath);
      if (!communityId) throw new AppError('NOT_FOUND');
      return loadCommunity(db, communityId);
    }

    app.get(
      '/api/contact/rounds',
      {
        config: { permission: 'contact.read_rounds' },
        schema: {
          tags,
          summary: '包保联户：走访轮次',
          querystring: communityQuery,
          response: { 200: roundListResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const c = await community(actor, request.query.communityId);
        authorizeContact(actor, 'read_rounds', { path: c.path });
        return { data: await roundsOf(db, c.id), abilities: contactAbilities(actor, c.path) };
      },
    );

    app.post(
      '/api/contact/rounds',
      {
        config: { permission: 'contact.manage' },
        schema: { tags, summary: '新建走访轮次', body: createRoundBody, response: { 201: roundResponse } },
      },
      async (request, reply) => {
        const row = await createRound(db, requireActor(request), request.body);
        return reply.status(201).send({ data: roundView(row) });
      },
    );

    app.get(
      '/api/contact/candidates',
      {
        config: { permission: 'contact.manage' },
        schema: {
          tags,
          summary: '可包保联户的人员（本社区）',
          querystring: communityQuery,
          response: { 200: candidateListResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const c = await community(actor, request.query.communityId);
        authorizeContact(actor, 'manage', { path: c.path });
        return { data: await contactCandidates(db, c.path, CONTACT_ROLES) };
      },
    );

    app.post(
      '/api/contact/assignments',
      {
        config: { permission: 'contact.manage' },
        schema: { tags, summary: '分配联系户（房屋或整栋）', body: assignBody, response: { 200: assignResponse } },
      },
      async (request) => ({ data: await assignHouseholds(db, requireActor(request), request.body) }),
    );

    app.get(
      '/api/contact/my-households',
      {
        config: { permission: 'contact.mine' },
        schema: {
          tags,
          summary: '我的联系户与本轮走访情况',
          querystring: myHouseholdsQuery,
          response: { 200: myHouseholdsResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        authorizeContact(actor, 'mine', { path: actor.scopePath ?? '' });
        // The round shown is the one asked for, or the current one of the community the actor works in.
        const communityId = communityIdOf(actor.scopePath);
        const round = request.query.roundId
          ? await loadRound(db, request.query.roundId)
          : communityId
            ? await currentRound(db, communityId, shanghaiToday())
            : null;
        return {
          data: {
            round: round ? roundView(round) : null,
            households: await myHouseholds(db, actor, round?.id ?? null),
          },
        };
      },
    );

    app.post(
      '/api/contact/visits',
      {
        config: { permission: 'contact.visit' },
        schema: {
          tags,
          summary: '记录入户走访（意见可转为案件）',
          body: recordVisitBody,
          response: { 201: visitResponse },
        },
      },
      async (request, reply) => {
        const visit = await recordVisit(deps, requireActor(request), request.body);
        return reply.status(201).send({ data: visit });
      },
    );

    app.get(
      '/api/contact/households/:id/visits',
      {
        config: { permission: 'contact.visit' },
        schema: { tags, summary: '一户的走访记录', params: idParams, response: { 200: visitListResponse } },
      },
      async (request) => {
        const actor = requireActor(request);
        const house = await loadHouse(db, request.params.id);
        authorizeContact(actor, 'visit', { path: house.path, contactUserId: house.contactUserId });
        return { data: await visitsOfHouse(db, house.id) };
      },
    );

    app.get(
      '/api/contact/rounds/:id/coverage',
      {
        config: { permission: 'contact.coverage' },
        schema: { tags, summary: '本轮走访覆盖（按网格）', params: idParams, response: { 200: coverageResponse } },
      },
      async (request) => {
        const actor = requireActor(request);
        const round = await loadRound(db, request.params.id);
        authorizeContact(actor, 'coverage', { path: round.communityPath });
        const figures = await roundCoverage(db, round.id, coverageRoot(actor, round.communityPath));
        return { data: { round: roundView(round), ...figures } };
      },
    );
  };
}
