import type { z } from 'zod';
import type {
  BranchStudy,
  CourseBody,
  CourseDetail,
  CourseSummary,
  Graded,
  courseEditResponse,
  myRecordSchema,
  progressResponse,
} from '../../../contracts/school.ts';
import { ApiError, apiGet, apiSend, readCookie } from '../../shared/api';

export type CourseEdit = z.infer<typeof courseEditResponse>['data'];
export type MyRecord = z.infer<typeof myRecordSchema>;
export type Progress = z.infer<typeof progressResponse>['data'];

export const fetchCourses = (signal?: AbortSignal) =>
  apiGet<{ data: CourseSummary[] }>('/api/school/courses', { signal }).then((r) => r.data);
export const fetchCourse = (id: number, signal?: AbortSignal) =>
  apiGet<{ data: CourseDetail }>(`/api/school/courses/${id}`, { signal }).then((r) => r.data);
export const fetchCourseEdit = (id: number, signal?: AbortSignal) =>
  apiGet<{ data: CourseEdit }>(`/api/school/courses/${id}/edit`, { signal }).then((r) => r.data);
export const saveCourse = (id: number | null, body: CourseBody) =>
  apiSend<{ data: { id: number } }>(
    id ? 'PUT' : 'POST',
    id ? `/api/school/courses/${id}` : '/api/school/courses',
    body,
  ).then((r) => r.data);
export const reportProgress = (courseId: number, lessonId: number, body: { seconds: number; progress: number }) =>
  apiSend<{ data: Progress }>('POST', `/api/school/courses/${courseId}/lessons/${lessonId}/progress`, body).then(
    (r) => r.data,
  );
export const submitQuiz = (courseId: number, lessonId: number, answers: Record<string, number[]>) =>
  apiSend<{ data: Graded }>('POST', `/api/school/courses/${courseId}/lessons/${lessonId}/quiz`, { answers }).then(
    (r) => r.data,
  );
export const submitExam = (courseId: number, answers: Record<string, number[]>) =>
  apiSend<{ data: Graded }>('POST', `/api/school/courses/${courseId}/exam`, { answers }).then((r) => r.data);
export const fetchRecords = (signal?: AbortSignal) =>
  apiGet<{ data: MyRecord[] }>('/api/school/me/records', { signal }).then((r) => r.data);
export const fetchStats = (nodeId: number | undefined, courseId: number | undefined, signal?: AbortSignal) => {
  const q = new URLSearchParams();
  if (nodeId) q.set('nodeId', String(nodeId));
  if (courseId) q.set('courseId', String(courseId));
  return apiGet<{ data: BranchStudy[] }>(`/api/school/stats?${q}`, { signal }).then((r) => r.data);
};
export const videoUrl = (courseId: number, lessonId: number) =>
  `/api/school/courses/${courseId}/lessons/${lessonId}/video`;

/** Uploads a lesson video (multipart, with the CSRF header like every other write). */
export async function uploadVideo(courseId: number, lessonId: number, file: File): Promise<void> {
  const form = new FormData();
  form.append('file', file);
  const token = readCookie(document.cookie, 'gh_csrf');
  const res = await fetch(videoUrl(courseId, lessonId), {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: token ? { 'x-csrf-token': token } : {},
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as {
      error?: { code: string; message: string; details?: { path: string; message: string }[] };
    } | null;
    throw new ApiError(
      res.status,
      body?.error?.code ?? `HTTP_${res.status}`,
      body?.error?.message ?? '上传失败',
      body?.error?.details ?? [],
    );
  }
}
