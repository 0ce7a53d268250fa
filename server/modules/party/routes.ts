import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  activityRecordResponse,
  alertResponse,
  commitmentResponse,
  householdResponse,
  memberDetailResponse,
  memberOverviewResponse,
  pointsEnteredResponse,
  postClaimResponse,
  publicMemberResponse,
} from '../../../contracts/party-views.ts';
import { eq } from 'drizzle-orm';
import {
  claimPostBody,
  commitmentBody,
  createMemberBody,
  decidePostBody,
  decideRegistrationBody,
  enterPointsBody,
  markCommitmentBody,
  recordQuery,
  registrationBody,
} from '../../../contracts/party.ts';
import { idParams } from '../../../contracts/org.ts';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { AppError } from '../../platform/errors.ts';
import { orgNodes } from '../org/schema.ts';
import { communityOfPath } from './branches.ts';
import { claimPost } from './commands/claim-post.ts';
import { markCommitment, publishCommitment } from './commands/commitments.ts';
import { createMember } from './commands/create-member.ts';
import { decidePostClaim } from './commands/decide-post-claim.ts';
import { decideRegistration } from './commands/decide-registration.ts';
import { enterPoints } from './commands/enter-points.ts';
import { remindAlert } from './commands/remind-alert.ts';
import { requestRegistration } from './commands/request-registration.ts';
import { loadMemberFor, ownMemberRow } from './load-member.ts';
import { loadViewer } from './membership.ts';
import { authorizeMember, canSeeHousehold, memberAbilities } from './policy.ts';
import {
  activityRecord,
  communityPosts,
  householdCommitments,
  memberCommitments,
  memberOverview,
  memberPosts,
  periodTotals,
  publicMember,
} from './queries.ts';

/** Member-centred routes: the member's own phone view, member records, points, commitments. */
export function partyMemberRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['party'];
    const viewer = (request: Parameters<typeof requireActor>[0]) => loadViewer(db, requireActor(request));

    app.get(
      '/api/party/me',
      {
        config: { permission: 'party.self' },
        schema: { response: { 200: memberOverviewResponse }, tags, summary: '我的党员主页（岗位、积分、预警、承诺）' },
      },
      async (request) => {
        const v = await viewer(request);
        const member = ownMemberRow(v);
        const overview = await memberOverview(db, member, new Date());
        return {
          data: { ...overview, availablePosts: await communityPosts(db, member.homeCommunityId) },
          abilities: memberAbilities(v, member),
        };
      },
    );

    app.get(
      '/api/party/me/record',
      {
        config: { permission: 'party.self' },
        schema: {
          response: { 200: activityRecordResponse },
          tags,
          summary: '我的全程纪实（积分来源）',
          querystring: recordQuery,
        },
      },
      async (request) => {
        const member = ownMemberRow(await viewer(request));
        return activityRecord(db, member.id, request.query.pageSize, request.query.before);
      },
    );

    app.post(
      '/api/party/me/registration',
      {
        config: { permission: 'party.self' },
        schema: {
          response: { 200: publicMemberResponse },
          tags,
          summary: '双报到：向居住地社区报到',
          body: registrationBody,
        },
      },
      async (request) => {
        return { data: publicMember(await requestRegistration(db, await viewer(request), request.body)) };
      },
    );

    app.post(
      '/api/party/me/posts',
      {
        config: { permission: 'party.self' },
        schema: { response: { 201: postClaimResponse }, tags, summary: '认岗', body: claimPostBody },
      },
      async (request, reply) => {
        return reply.status(201).send({ data: await claimPost(db, await viewer(request), request.body.postId) });
      },
    );

    app.post(
      '/api/party/me/commitments',
      {
        config: { permission: 'party.self' },
        schema: { response: { 201: commitmentResponse }, tags, summary: '发布年度承诺', body: commitmentBody },
      },
      async (request, reply) => {
        return reply.status(201).send({ data: await publishCommitment(db, await viewer(request), request.body) });
      },
    );

    app.post(
      '/api/party/members',
      {
        config: { permission: 'party.branch.manage' },
        schema: { response: { 201: publicMemberResponse }, tags, summary: '登记党员', body: createMemberBody },
      },
      async (request, reply) => {
        return reply
          .status(201)
          .send({ data: publicMember(await createMember(db, await viewer(request), request.body)) });
      },
    );

    app.get(
      '/api/party/members/:id',
      {
        config: { permission: 'party.member.read' },
        schema: { response: { 200: memberDetailResponse }, tags, summary: '党员详情', params: idParams },
      },
      async (request) => {
        const v = await viewer(request);
        const member = await loadMemberFor(db, v, request.params.id);
        authorizeMember(v, 'read', member);
        const [posts, totals, commitments] = await Promise.all([
          memberPosts(db, member.id),
          periodTotals(db, member.id, new Date()),
          memberCommitments(db, [member.id]),
        ]);
        return { data: { ...publicMember(member), posts, totals, commitments }, abilities: memberAbilities(v, member) };
      },
    );

    app.get(
      '/api/party/members/:id/record',
      {
        config: { permission: 'party.member.read' },
        schema: {
          response: { 200: activityRecordResponse },
          tags,
          summary: '党员全程纪实',
          params: idParams,
          querystring: recordQuery,
        },
      },
      async (request) => {
        const v = await viewer(request);
        const member = await loadMemberFor(db, v, request.params.id);
        authorizeMember(v, 'read', member);
        return activityRecord(db, member.id, request.query.pageSize, request.query.before);
      },
    );

    app.post(
      '/api/party/members/:id/points',
      {
        config: { permission: 'party.member.manage' },
        schema: {
          response: { 200: pointsEnteredResponse },
          tags,
          summary: '支部登记积分（附佐证）',
          params: idParams,
          body: enterPointsBody,
        },
      },
      async (request) => {
        return { data: await enterPoints(db, await viewer(request), request.params.id, request.body) };
      },
    );

    app.post(
      '/api/party/members/:id/registration/decision',
      {
        config: { permission: 'party.member.confirmRegistration' },
        schema: {
          response: { 200: publicMemberResponse },
          tags,
          summary: '社区确认双报到',
          params: idParams,
          body: decideRegistrationBody,
        },
      },
      async (request) => {
        return {
          data: publicMember(await decideRegistration(db, await viewer(request), request.params.id, request.body)),
        };
      },
    );

    app.post(
      '/api/party/post-claims/:id/decision',
      {
        config: { permission: 'party.member.manage' },
        schema: {
          response: { 200: postClaimResponse },
          tags,
          summary: '支部审批认岗',
          params: idParams,
          body: decidePostBody,
        },
      },
      async (request) => {
        return { data: await decidePostClaim(db, await viewer(request), request.params.id, request.body.decision) };
      },
    );

    app.post(
      '/api/party/commitments/:id/mark',
      {
        config: { permission: 'party.member.manage' },
        schema: {
          response: { 200: commitmentResponse },
          tags,
          summary: '支部评定承诺兑现',
          params: idParams,
          body: markCommitmentBody,
        },
      },
      async (request) => {
        return { data: await markCommitment(db, await viewer(request), request.params.id, request.body) };
      },
    );

    app.post(
      '/api/party/alerts/:id/remind',
      {
        config: { permission: 'party.member.manage' },
        schema: { response: { 200: alertResponse }, tags, summary: '记录已提醒预警党员', params: idParams },
      },
      async (request) => {
        return { data: await remindAlert(db, await viewer(request), request.params.id) };
      },
    );

    // Public within the community: residents see who in a household is a member and what they promised.
    app.get(
      '/api/party/households/:id',
      {
        config: { permission: 'party.household.read' },
        schema: { response: { 200: householdResponse }, tags, summary: '党员户的亮身份与承诺', params: idParams },
      },
      async (request) => {
        const actor = requireActor(request);
        const [node] = await db
          .select({ path: orgNodes.path, level: orgNodes.level })
          .from(orgNodes)
          .where(eq(orgNodes.id, request.params.id));
        const community = node && ['house', 'building'].includes(node.level) ? communityOfPath(node.path) : null;
        if (!node || !community || !canSeeHousehold(actor, node.path, community.path)) throw new AppError('NOT_FOUND');
        return { data: await householdCommitments(db, request.params.id) };
      },
    );
  };
}
