import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../contracts/org.ts';
import {
  activityDetailResponse,
  activityListQuery,
  activityListResponse,
  activityResponse,
  leaderCandidatesResponse,
  signupListResponse,
  signupResponse,
  teamTotalsResponse,
  volunteerSummaryResponse,
  volunteerTeamResponse,
  attendanceBody,
  createActivityBody,
  createTeamBody,
  leaderCandidatesQuery,
  updateTeamBody,
} from '../../../contracts/volunteers.ts';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { recordAttendance } from './commands/attendance.ts';
import { createActivity } from './commands/create-activity.ts';
import { createTeam } from './commands/create-team.ts';
import { updateTeam } from './commands/update-team.ts';
import { leaderCandidates } from './leaders.ts';
import { loadNodeInScope } from '../org/load-node.ts';
import { cancelSignUp, signUp } from './commands/sign-up.ts';
import { loadActivity } from './load.ts';
import { assertCanManageTeams, authorizeVolunteer, canVolunteer } from './policy.ts';
import { activitySignups, listActivities, presentActivity, teamTotals, volunteerSummary } from './queries.ts';

export function volunteersRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['volunteers'];

    app.get(
      '/api/volunteers/teams',
      {
        config: { permission: 'volunteers.teams' },
        schema: { tags, summary: '志愿队伍及其服务总量', response: { 200: teamTotalsResponse } },
      },
      async (request) => {
        const actor = requireActor(request);
        assertCanManageTeams(actor);
        return { data: await teamTotals(db, actor.scopePath) };
      },
    );

    app.post(
      '/api/volunteers/teams',
      {
        config: { permission: 'volunteers.manage' },
        schema: { tags, summary: '组建志愿队伍', body: createTeamBody, response: { 201: volunteerTeamResponse } },
      },
      async (request, reply) => {
        return reply.status(201).send({ data: await createTeam(db, requireActor(request), request.body) });
      },
    );

    app.patch(
      '/api/volunteers/teams/:id',
      {
        config: { permission: 'volunteers.manage' },
        schema: {
          tags,
          summary: '修改队伍名称或队长',
          params: idParams,
          body: updateTeamBody,
          response: { 200: volunteerTeamResponse },
        },
      },
      async (request) => {
        return { data: await updateTeam(db, requireActor(request), request.params.id, request.body) };
      },
    );

    app.get(
      '/api/volunteers/communities/:id/leader-candidates',
      {
        config: { permission: 'volunteers.manage' },
        schema: {
          tags,
          summary: '可任队长的本社区账号（按姓名查找）',
          response: { 200: leaderCandidatesResponse },
          params: idParams,
          querystring: leaderCandidatesQuery,
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const community = await loadNodeInScope(db, actor, request.params.id, 'community');
        authorizeVolunteer(actor, 'manage', { communityPath: community.path });
        return { data: await leaderCandidates(db, community.path, request.query.q) };
      },
    );

    app.get(
      '/api/volunteers/activities',
      {
        // Every signed-in user sees the open activities; 'manage' lists what lies under their scope.
        config: { permission: 'volunteers.read' },
        schema: {
          tags,
          summary: '志愿活动（可报名 / 本辖区管理）',
          querystring: activityListQuery,
          response: { 200: activityListResponse },
        },
      },
      async (request) => {
        const q = request.query;
        return listActivities(db, requireActor(request), q.view, q.page, q.pageSize);
      },
    );

    app.post(
      '/api/volunteers/activities',
      {
        config: { permission: 'volunteers.manage' },
        schema: { tags, summary: '发布志愿活动', body: createActivityBody, response: { 201: activityResponse } },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        return reply.status(201).send({ data: presentActivity(actor, await createActivity(db, actor, request.body)) });
      },
    );

    app.get(
      '/api/volunteers/activities/:id',
      {
        config: { permission: 'volunteers.read' },
        schema: {
          tags,
          summary: '活动详情（组织者可见报名名单）',
          params: idParams,
          response: { 200: activityDetailResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const activity = await loadActivity(db, request.params.id);
        const view = presentActivity(actor, activity);
        const signups = canVolunteer(actor, 'lead', activity) ? await activitySignups(db, activity.id) : null;
        return { data: { ...view, teamName: activity.teamName, signups }, abilities: view.abilities };
      },
    );

    app.post(
      '/api/volunteers/activities/:id/signups',
      {
        config: { permission: 'volunteers.join' },
        schema: { tags, summary: '报名（满员进入候补）', params: idParams, response: { 201: signupResponse } },
      },
      async (request, reply) => {
        return reply.status(201).send({ data: await signUp(db, requireActor(request), request.params.id) });
      },
    );

    app.delete(
      '/api/volunteers/activities/:id/signups/me',
      {
        config: { permission: 'volunteers.join' },
        schema: { response: { 204: z.null() }, tags, summary: '取消报名（候补依次递补）', params: idParams },
      },
      async (request, reply) => {
        await cancelSignUp(db, requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/volunteers/activities/:id/check-in',
      {
        // Self check-in with the venue's code, or the organiser's list (policy: 'lead').
        config: { permission: 'volunteers.attend' },
        schema: {
          tags,
          summary: '签到（扫码或按名单）',
          params: idParams,
          body: attendanceBody,
          response: { 200: signupListResponse },
        },
      },
      async (request) => {
        return { data: await recordAttendance(db, requireActor(request), request.params.id, 'in', request.body) };
      },
    );

    app.post(
      '/api/volunteers/activities/:id/check-out',
      {
        config: { permission: 'volunteers.attend' },
        schema: {
          tags,
          summary: '签退并记录服务时长',
          params: idParams,
          body: attendanceBody,
          response: { 200: signupListResponse },
        },
      },
      async (request) => {
        return { data: await recordAttendance(db, requireActor(request), request.params.id, 'out', request.body) };
      },
    );

    app.get(
      '/api/volunteers/me',
      {
        config: { permission: 'volunteers.read' },
        schema: { tags, summary: '我的志愿服务时长与证明', response: { 200: volunteerSummaryResponse } },
      },
      async (request) => {
        return { data: await volunteerSummary(db, requireActor(request).userId) };
      },
    );
  };
}
