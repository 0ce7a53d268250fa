import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { AppError } from '../../platform/errors.ts';
import { courseVisibleWhere } from './policy.ts';
import { schoolCourses, schoolLessons } from './schema.ts';

/** A course the actor may see (as learner or manager); otherwise 404, so drafts and other areas do not leak. */
export async function loadCourse(db: Queryable, actor: Actor, id: number) {
  const [course] = await db
    .select()
    .from(schoolCourses)
    .where(and(eq(schoolCourses.id, id), courseVisibleWhere(actor)))
    .limit(1);
  if (!course) throw new AppError('NOT_FOUND');
  return course;
}

export async function lessonsOf(db: Queryable, courseId: number) {
  return db.select().from(schoolLessons).where(eq(schoolLessons.courseId, courseId)).orderBy(asc(schoolLessons.sort));
}

export async function loadLesson(db: Queryable, courseId: number, lessonId: number) {
  const [lesson] = await db
    .select()
    .from(schoolLessons)
    .where(and(eq(schoolLessons.id, lessonId), eq(schoolLessons.courseId, courseId)))
    .limit(1);
  if (!lesson) throw new AppError('NOT_FOUND');
  return lesson;
}
