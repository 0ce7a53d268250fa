import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../contracts/org.ts';
import {
  answersBody,
  courseBody,
  courseDetailResponse,
  courseEditResponse,
  courseListQuery,
  courseListResponse,
  courseSavedResponse,
  gradedResponse,
  lessonParams,
  myRecordsResponse,
  progressBody,
  progressResponse,
  statsQuery,
  statsResponse,
} from '../../../contracts/school.ts';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { loadNodeInScope } from '../org/load-node.ts';
import { submitExam } from './commands/exam.ts';
import { createCourse, updateCourse } from './commands/save-course.ts';
import { reportProgress, submitQuiz } from './commands/study.ts';
import { loadCourse } from './load.ts';
import { authorizeCatalogue, authorizeCourse, authorizeOwnRecords, authorizeStats } from './policy.ts';
import type { SchoolPorts } from './ports.ts';
import { courseDetail, courseForEdit, listCourses, myRecords } from './queries.ts';
import { branchStudyStats } from './stats.ts';
import { schoolVideoRoutes } from './video-routes.ts';

const tags = ['school'];

/** 手机党校 / 网格学院: catalogue, study, quizzes and exams, records, statistics, course editing. */
export function schoolRoutes(deps: AppDeps, ports: SchoolPorts): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    app.get(
      '/api/school/courses',
      {
        config: { permission: 'school.catalogue' },
        schema: { tags, summary: '党校课程目录', querystring: courseListQuery, response: { 200: courseListResponse } },
      },
      async (request) => {
        const actor = requireActor(request);
        authorizeCatalogue(actor);
        return { data: await listCourses(db, actor, request.query.audience) };
      },
    );
    app.post(
      '/api/school/courses',
      {
        config: { permission: 'school.manage' },
        schema: { tags, summary: '新建课程', body: courseBody, response: { 201: courseSavedResponse } },
      },
      async (request, reply) => {
        return reply.status(201).send({ data: await createCourse(db, requireActor(request), request.body) });
      },
    );
    app.get(
      '/api/school/courses/:id',
      {
        config: { permission: 'school.study' },
        schema: {
          tags,
          summary: '课程：课时、测验、考试与我的进度',
          params: idParams,
          response: { 200: courseDetailResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const course = await loadCourse(db, actor, request.params.id);
        return { data: await courseDetail(db, actor, course) };
      },
    );
    app.get(
      '/api/school/courses/:id/edit',
      {
        config: { permission: 'school.manage' },
        schema: { tags, summary: '课程编辑（含答案）', params: idParams, response: { 200: courseEditResponse } },
      },
      async (request) => {
        const actor = requireActor(request);
        const course = await loadCourse(db, actor, request.params.id);
        authorizeCourse(actor, 'edit', course);
        return { data: await courseForEdit(db, course) };
      },
    );
    app.put(
      '/api/school/courses/:id',
      {
        config: { permission: 'school.manage' },
        schema: {
          tags,
          summary: '修改课程',
          params: idParams,
          body: courseBody,
          response: { 200: courseSavedResponse },
        },
      },
      async (request) => {
        return { data: await updateCourse(db, requireActor(request), request.params.id, request.body) };
      },
    );
    app.post(
      '/api/school/courses/:id/lessons/:lessonId/progress',
      {
        config: { permission: 'school.study' },
        schema: {
          tags,
          summary: '上报学习进度与时长',
          params: lessonParams,
          body: progressBody,
          response: { 200: progressResponse },
        },
      },
      async (request) => {
        const { id, lessonId } = request.params;
        return {
          data: await reportProgress(db, requireActor(request), { courseId: id, lessonId }, request.body, ports.points),
        };
      },
    );
    app.post(
      '/api/school/courses/:id/lessons/:lessonId/quiz',
      {
        config: { permission: 'school.study' },
        schema: {
          tags,
          summary: '提交随堂测验',
          params: lessonParams,
          body: answersBody,
          response: { 200: gradedResponse },
        },
      },
      async (request) => {
        const { id, lessonId } = request.params;
        return {
          data: await submitQuiz(
            db,
            requireActor(request),
            { courseId: id, lessonId },
            request.body.answers,
            ports.points,
          ),
        };
      },
    );
    app.post(
      '/api/school/courses/:id/exam',
      {
        config: { permission: 'school.study' },
        schema: {
          tags,
          summary: '提交结业考试',
          params: idParams,
          body: answersBody,
          response: { 200: gradedResponse },
        },
      },
      async (request) => {
        return {
          data: await submitExam(db, requireActor(request), request.params.id, request.body.answers, ports.points),
        };
      },
    );
    app.get(
      '/api/school/me/records',
      {
        config: { permission: 'school.records' },
        schema: { tags, summary: '我的学习档案', response: { 200: myRecordsResponse } },
      },
      async (request) => {
        const actor = requireActor(request);
        authorizeOwnRecords(actor);
        return { data: await myRecords(db, actor) };
      },
    );
    app.get(
      '/api/school/stats',
      {
        config: { permission: 'school.stats' },
        schema: {
          tags,
          summary: '各支部学习统计（党员数、参学、学完、合格率）',
          querystring: statsQuery,
          response: { 200: statsResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const nodeId = request.query.nodeId ?? actor.scopeNodeId;
        if (!nodeId) return { data: [] };
        const node = await loadNodeInScope(db, actor, nodeId);
        authorizeStats(actor, node.path);
        return { data: await branchStudyStats(db, ports.branches, node.path, request.query.courseId) };
      },
    );
    await app.register(schoolVideoRoutes(deps));
  };
}
