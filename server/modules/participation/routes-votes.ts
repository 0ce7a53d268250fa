import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ballotBody,
  ballotResponse,
  communityIdQuery,
  createVoteRoundBody,
  voteResultsResponse,
  voteRoundListResponse,
  voteRoundResponse,
} from '../../../contracts/participation.ts';
import { idParams } from '../../../contracts/org.ts';
import type { AppDeps } from '../../app-deps.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { castBallot, closeVoteRound, createVoteRound, loadRound } from './commands/votes.ts';
import { phaseOf } from './load.ts';
import {
  authorizeParticipation,
  authorizeParticipationList,
  authorizeVoteResults,
  participationAbilities,
} from './policy.ts';
import { listVoteRounds, voteResultsOf, voteRoundViews } from './vote-queries.ts';

/** 微项目投票: staff open a round of candidate projects, verified residents cast one ballot of ≤ K votes. */
export function voteRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['participation'];
    const view = async (id: number, actor: Actor) => {
      const row = await loadRound(db, actor, id);
      authorizeParticipation(actor, 'read', row);
      const [data] = await voteRoundViews(db, actor, [row]);
      return { data: data!, abilities: participationAbilities(actor, row, 'vote' as const, phaseOf(row) === 'open') };
    };

    app.get(
      '/api/participation/votes',
      {
        config: { permission: 'participation.read' },
        schema: {
          tags,
          summary: '微项目投票轮次',
          querystring: communityIdQuery,
          response: { 200: voteRoundListResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        authorizeParticipationList(actor);
        return { data: await listVoteRounds(db, actor, request.query.communityId) };
      },
    );
    app.post(
      '/api/participation/votes',
      {
        config: { permission: 'participation.manage' },
        schema: { tags, summary: '发起微项目投票', body: createVoteRoundBody, response: { 201: voteRoundResponse } },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const row = await createVoteRound(db, actor, request.body);
        return reply.status(201).send(await view(row.id, actor));
      },
    );
    app.get(
      '/api/participation/votes/:id',
      {
        config: { permission: 'participation.read' },
        schema: { tags, summary: '投票详情', params: idParams, response: { 200: voteRoundResponse } },
      },
      async (request) => view(request.params.id, requireActor(request)),
    );
    app.post(
      '/api/participation/votes/:id/ballots',
      {
        config: { permission: 'participation.take_part' },
        schema: {
          tags,
          summary: '投票（每人一次，最多 K 个项目，每个项目 1 票）',
          params: idParams,
          body: ballotBody,
          response: { 201: ballotResponse },
        },
      },
      async (request, reply) => {
        const data = await castBallot(db, requireActor(request), request.params.id, request.body.projectIds);
        return reply.status(201).send({ data });
      },
    );
    app.post(
      '/api/participation/votes/:id/close',
      {
        config: { permission: 'participation.manage' },
        schema: { tags, summary: '结束投票（结束后不可更改）', params: idParams, response: { 200: voteRoundResponse } },
      },
      async (request) => {
        const actor = requireActor(request);
        await closeVoteRound(db, actor, request.params.id);
        return view(request.params.id, actor);
      },
    );
    app.get(
      '/api/participation/votes/:id/results',
      {
        config: { permission: 'participation.vote_results' },
        schema: {
          tags,
          summary: '投票结果（居民在结束后可见）',
          params: idParams,
          response: { 200: voteResultsResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const row = await loadRound(db, actor, request.params.id);
        authorizeVoteResults(actor, row, phaseOf(row) === 'closed');
        return { data: await voteResultsOf(db, row) };
      },
    );
  };
}
