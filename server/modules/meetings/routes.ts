import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  agendaCasesResponse,
  agendaItemResponse,
  attendanceMarkedResponse,
  attendanceStatsResponse,
  communityPublicResponse,
  decisionDetailResponse,
  decisionListResponse,
  decisionResponse,
  inviteesAddedResponse,
  meetingDetailResponse,
  meetingPageResponse,
  meetingResponse,
  resolutionListResponse,
  resolutionResponse,
  addAgendaItemBody,
  addInviteesBody,
  addResolutionBody,
  communityParams,
  completeResolutionBody,
  createDecisionBody,
  createMeetingBody,
  markAttendanceBody,
  meetingListQuery,
  recordDecisionStepBody,
  recordMinutesBody,
  resolutionListQuery,
} from '../../../contracts/meetings.ts';
import { idParams } from '../../../contracts/org.ts';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { AppError } from '../../platform/errors.ts';
import { orgNodes } from '../org/schema.ts';
import { addAgendaItem } from './commands/add-agenda-item.ts';
import { addInvitees } from './commands/add-invitees.ts';
import { addResolution } from './commands/add-resolution.ts';
import { completeResolution } from './commands/complete-resolution.ts';
import { createDecision } from './commands/create-decision.ts';
import { createMeeting } from './commands/create-meeting.ts';
import { markAttendance } from './commands/mark-attendance.ts';
import { recordDecisionStep } from './commands/record-decision-step.ts';
import { recordMinutes } from './commands/record-minutes.ts';
import { decisionsList, decisionStepsOf, publishedDecisions } from './decision-queries.ts';
import { loadDecision, loadMeeting } from './load.ts';
import { authorizeMeeting, canSeeCommunityPage, meetingAbilities } from './policy.ts';
import type { MeetingPorts } from './ports.ts';
import { attendanceStats, meetingDetail, meetingsPage, resolutionsList } from './queries.ts';
import { decimal, decimalNumber } from '../../../contracts/query.ts';

const yearQuery = z.object({ year: decimal(decimalNumber().int().min(2000).max(2100)).optional() });

export function meetingsRoutes(
  deps: AppDeps,
  ports: MeetingPorts = { cases: null, points: null },
): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['meetings'];

    app.get(
      '/api/meetings',
      {
        config: { permission: 'meetings.read' },
        schema: { tags, summary: '会议列表', querystring: meetingListQuery, response: { 200: meetingPageResponse } },
      },
      async (request) => {
        const actor = requireActor(request);
        authorizeMeeting(actor, 'read', { scopePath: actor.scopePath ?? '' });
        return meetingsPage(db, actor, request.query);
      },
    );

    app.post(
      '/api/meetings',
      {
        config: { permission: 'meetings.write' },
        schema: { tags, summary: '新建会议', body: createMeetingBody, response: { 201: meetingResponse } },
      },
      async (request, reply) => {
        return reply.status(201).send({ data: await createMeeting(db, requireActor(request), request.body) });
      },
    );

    app.get(
      '/api/meetings/:id',
      {
        config: { permission: 'meetings.read' },
        schema: {
          tags,
          summary: '会议详情（邀请、议程、出席、决议）',
          params: idParams,
          response: { 200: meetingDetailResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const meeting = await loadMeeting(db, actor, request.params.id);
        authorizeMeeting(actor, 'read', meeting);
        return {
          data: { ...meeting, ...(await meetingDetail(db, meeting.id)) },
          abilities: meetingAbilities(actor, meeting),
        };
      },
    );

    app.post(
      '/api/meetings/:id/invitees',
      {
        config: { permission: 'meetings.write' },
        schema: {
          tags,
          summary: '邀请参会人员或单位',
          params: idParams,
          body: addInviteesBody,
          response: { 200: inviteesAddedResponse },
        },
      },
      async (request) => {
        return { data: await addInvitees(db, requireActor(request), request.params.id, request.body) };
      },
    );

    app.post(
      '/api/meetings/:id/attendance',
      {
        config: { permission: 'meetings.write' },
        schema: {
          tags,
          summary: '登记出席（签到/请假/缺席）',
          params: idParams,
          body: markAttendanceBody,
          response: { 200: attendanceMarkedResponse },
        },
      },
      async (request) => {
        return { data: await markAttendance(db, requireActor(request), request.params.id, request.body, ports.points) };
      },
    );

    app.get(
      '/api/meetings/agenda-cases',
      {
        config: { permission: 'meetings.write' },
        schema: { tags, summary: '待上会议事的事件', response: { 200: agendaCasesResponse } },
      },
      async (request) => {
        const actor = requireActor(request);
        authorizeMeeting(actor, 'write', { scopePath: actor.scopePath ?? '' });
        return {
          data: ports.cases ? await ports.cases.listCasesForAgenda(db, actor) : [],
          casesAvailable: ports.cases !== null,
        };
      },
    );

    app.post(
      '/api/meetings/:id/agenda',
      {
        config: { permission: 'meetings.write' },
        schema: {
          tags,
          summary: '添加议题（事件/提议/录入）',
          params: idParams,
          body: addAgendaItemBody,
          response: { 201: agendaItemResponse },
        },
      },
      async (request, reply) => {
        return reply
          .status(201)
          .send({ data: await addAgendaItem(db, requireActor(request), request.params.id, request.body, ports.cases) });
      },
    );

    app.put(
      '/api/meetings/:id/minutes',
      {
        config: { permission: 'meetings.write' },
        schema: {
          tags,
          summary: '记录会议纪要（标记为已召开）',
          params: idParams,
          body: recordMinutesBody,
          response: { 200: meetingResponse },
        },
      },
      async (request) => {
        return { data: await recordMinutes(db, requireActor(request), request.params.id, request.body.minutes) };
      },
    );

    app.post(
      '/api/meetings/:id/resolutions',
      {
        config: { permission: 'meetings.write' },
        schema: {
          tags,
          summary: '登记决议（责任人、完成时限）',
          params: idParams,
          body: addResolutionBody,
          response: { 201: resolutionResponse },
        },
      },
      async (request, reply) => {
        return reply
          .status(201)
          .send({ data: await addResolution(db, requireActor(request), request.params.id, request.body, ports.cases) });
      },
    );

    app.get(
      '/api/resolutions',
      {
        config: { permission: 'meetings.read' },
        schema: {
          tags,
          summary: '决议任务（可只看逾期）',
          querystring: resolutionListQuery,
          response: { 200: resolutionListResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        authorizeMeeting(actor, 'read', { scopePath: actor.scopePath ?? '' });
        return { data: await resolutionsList(db, actor, request.query.overdue === 'true') };
      },
    );

    app.post(
      '/api/resolutions/:id/complete',
      {
        config: { permission: 'meetings.write' },
        schema: {
          tags,
          summary: '决议办结',
          params: idParams,
          body: completeResolutionBody,
          response: { 200: resolutionResponse },
        },
      },
      async (request) => {
        return { data: await completeResolution(db, requireActor(request), request.params.id, request.body.note) };
      },
    );

    app.get(
      '/api/meetings/attendance-stats',
      {
        config: { permission: 'meetings.read' },
        schema: {
          tags,
          summary: '出席率（按人、按党组织）',
          querystring: yearQuery,
          response: { 200: attendanceStatsResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        authorizeMeeting(actor, 'read', { scopePath: actor.scopePath ?? '' });
        const year = request.query.year ?? new Date().getFullYear();
        return {
          data: await attendanceStats(
            db,
            actor,
            new Date(`${year}-01-01T00:00:00+08:00`),
            new Date(`${year + 1}-01-01T00:00:00+08:00`),
          ),
        };
      },
    );

    app.get(
      '/api/decisions',
      {
        config: { permission: 'meetings.read' },
        schema: { tags, summary: '四议两公开事项', response: { 200: decisionListResponse } },
      },
      async (request) => {
        const actor = requireActor(request);
        authorizeMeeting(actor, 'read', { scopePath: actor.scopePath ?? '' });
        return { data: await decisionsList(db, actor) };
      },
    );

    app.post(
      '/api/decisions',
      {
        config: { permission: 'meetings.write' },
        schema: { tags, summary: '新建四议两公开事项', body: createDecisionBody, response: { 201: decisionResponse } },
      },
      async (request, reply) => {
        return reply.status(201).send({ data: await createDecision(db, requireActor(request), request.body) });
      },
    );

    app.get(
      '/api/decisions/:id',
      {
        config: { permission: 'meetings.read' },
        schema: {
          tags,
          summary: '四议两公开事项详情（步骤）',
          params: idParams,
          response: { 200: decisionDetailResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const decision = await loadDecision(db, actor, request.params.id);
        authorizeMeeting(actor, 'read', decision);
        return {
          data: { ...decision, steps: await decisionStepsOf(db, [decision.id]) },
          abilities: meetingAbilities(actor, decision),
        };
      },
    );

    app.post(
      '/api/decisions/:id/steps',
      {
        config: { permission: 'meetings.write' },
        schema: {
          tags,
          summary: '记录下一步（不可跳过）',
          params: idParams,
          body: recordDecisionStepBody,
          response: { 200: decisionResponse },
        },
      },
      async (request) => {
        return { data: await recordDecisionStep(db, requireActor(request), request.params.id, request.body) };
      },
    );

    app.get(
      '/api/communities/:communityId/public',
      {
        config: { permission: 'meetings.communityPage' },
        schema: {
          tags,
          summary: '社区公开栏（已公开的四议两公开事项）',
          params: communityParams,
          response: { 200: communityPublicResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const [community] = await db
          .select({ id: orgNodes.id, name: orgNodes.name, path: orgNodes.path })
          .from(orgNodes)
          .where(eq(orgNodes.id, request.params.communityId));
        if (!community || !canSeeCommunityPage(actor, community.path)) throw new AppError('NOT_FOUND');
        return {
          data: {
            community: { id: community.id, name: community.name },
            decisions: await publishedDecisions(db, community.id),
          },
        };
      },
    );
  };
}
