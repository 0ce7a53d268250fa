import multipart from '@fastify/multipart';
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { lessonParams, videoStreamResponse, videoUploadResponse } from '../../../contracts/school.ts';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { fileStore } from '../../platform/files/index.ts';
import { loadCourse, loadLesson } from './load.ts';
import { authorizeCourse } from './policy.ts';
import { schoolLessons } from './schema.ts';

/** Videos above this size belong on a video platform (link them by URL instead). */
export const MAX_VIDEO_BYTES = 200 * 1024 * 1024;
const VIDEO_TYPES = new Set(['video/mp4', 'video/webm', 'video/ogg']);

/** A lesson's own video in the shared file store: uploaded by a course editor, streamed to learners. */
export function schoolVideoRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  const files = fileStore(deps);
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_VIDEO_BYTES, files: 1 } });
    const tags = ['school'];

    app.post(
      '/api/school/courses/:id/lessons/:lessonId/video',
      {
        config: { permission: 'school.manage' },
        schema: {
          tags,
          summary: '上传课时视频（mp4/webm）',
          params: lessonParams,
          response: { 201: videoUploadResponse },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const course = await loadCourse(db, actor, request.params.id);
        authorizeCourse(actor, 'edit', course);
        const lesson = await loadLesson(db, course.id, request.params.lessonId);
        if (lesson.kind !== 'video') throw invalid('lessonId', '只有视频课时可以上传视频');
        const file = await request.file().catch(() => undefined);
        if (!file) throw invalid('file', '请选择要上传的视频');
        if (!VIDEO_TYPES.has(file.mimetype)) throw invalid('file', '视频须为 mp4、webm 或 ogg 格式');
        // A new key per upload: learners streaming the old video keep reading it until they reload.
        const key = `school/videos/${lesson.id}-${crypto.randomUUID()}`;
        const info = await files.put(key, file.file, { mime: file.mimetype, createdBy: actor.userId });
        if (file.file.truncated) {
          await files.delete(key);
          throw new AppError('PAYLOAD_TOO_LARGE', { message: `视频不能超过 ${MAX_VIDEO_BYTES / 1024 / 1024} MB` });
        }
        await db.transaction(async (tx) => {
          await tx.update(schoolLessons).set({ videoFileKey: key }).where(eq(schoolLessons.id, lesson.id));
          await recordAudit(tx, actor, {
            action: 'school.video.upload',
            targetType: 'school_lesson',
            targetId: lesson.id,
            scopePath: course.scopePath,
            summary: { bytes: info.bytes, mime: file.mimetype },
          });
        });
        if (lesson.videoFileKey) await files.delete(lesson.videoFileKey);
        return reply.status(201).send({ data: { lessonId: lesson.id, bytes: info.bytes } });
      },
    );

    app.get(
      '/api/school/courses/:id/lessons/:lessonId/video',
      {
        config: { permission: 'school.study' },
        schema: { tags, summary: '课时视频（流式）', params: lessonParams, response: { 200: videoStreamResponse } },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const course = await loadCourse(db, actor, request.params.id);
        const lesson = await loadLesson(db, course.id, request.params.lessonId);
        if (!lesson.videoFileKey) throw new AppError('NOT_FOUND');
        const { info, stream } = await files.open(lesson.videoFileKey);
        return reply
          .header('cache-control', 'private, max-age=3600')
          .header('content-length', info.bytes)
          .type(info.mime)
          .send(stream);
      },
    );
  };
}
