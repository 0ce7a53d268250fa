import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Graded } from '../../../../contracts/school.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx, type Tx } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { grade } from '../grading.ts';
import { lessonsOf, loadCourse, loadLesson } from '../load.ts';
import { authorizeCourse } from '../policy.ts';
import type { SchoolPointsPort } from '../ports.ts';
import {
  schoolEnrolments,
  schoolLessonProgress,
  schoolQuestions,
  type CourseRow,
  type EnrolmentRow,
} from '../schema.ts';

/** The learner's record of the course, created on first study, locked for this transaction. */
export async function enrolmentFor(tx: Tx, actor: Actor, courseId: number): Promise<EnrolmentRow> {
  await tx
    .insert(schoolEnrolments)
    .values({ courseId, userId: actor.userId, scopePath: actor.scopePath })
    .onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(schoolEnrolments)
    .where(and(eq(schoolEnrolments.courseId, courseId), eq(schoolEnrolments.userId, actor.userId)))
    .for('update');
  return row!;
}

/** Share (0–100) of the course's lessons the enrolment has completed. */
export async function courseProgress(tx: Tx, courseId: number, enrolmentId: number): Promise<number> {
  const lessons = await lessonsOf(tx, courseId);
  if (!lessons.length) return 0;
  const [done] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(schoolLessonProgress)
    .where(and(eq(schoolLessonProgress.enrolmentId, enrolmentId), isNotNull(schoolLessonProgress.completedAt)));
  return Math.floor(((done?.n ?? 0) * 100) / lessons.length);
}

/**
 * Marks the enrolment completed once every lesson is; a course without exam is passed then, and
 * passing credits the party points (once: the ledger's unique source key makes a replay a no-op).
 */
async function settle(tx: Tx, actor: Actor, course: CourseRow, enrolment: EnrolmentRow, points: SchoolPointsPort) {
  const progress = await courseProgress(tx, course.id, enrolment.id);
  if (progress < 100 || enrolment.completedAt) return { progress, pointsAwarded: 0 };
  const now = new Date();
  const [exam] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(schoolQuestions)
    .where(and(eq(schoolQuestions.courseId, course.id), sql`${schoolQuestions.lessonId} is null`));
  const passes = (exam?.n ?? 0) === 0;
  await tx
    .update(schoolEnrolments)
    .set({ completedAt: now, passedAt: passes ? now : null })
    .where(eq(schoolEnrolments.id, enrolment.id));
  return { progress, pointsAwarded: passes ? await award(tx, actor, course, points, now) : 0 };
}

export async function award(tx: Tx, actor: Actor, course: CourseRow, points: SchoolPointsPort, at: Date) {
  const result = await points.awardPoints(tx, {
    memberUserId: actor.userId,
    sourceKind: 'school.passed',
    sourceId: course.id,
    occurredAt: at,
  });
  return result?.created ? result.points : 0;
}

/**
 * Records study time and how far the learner got in a document or video. Completion is reaching
 * the end (progress 100), not a timer: phone browsers pause timers in background tabs, so time
 * is recorded for the statistics but not enforced.
 */
export async function reportProgress(
  db: Db,
  actor: Actor,
  ids: { courseId: number; lessonId: number },
  input: { seconds: number; progress: number },
  points: SchoolPointsPort,
) {
  return withTx(db, async (tx) => {
    const course = await loadCourse(tx, actor, ids.courseId);
    authorizeCourse(actor, 'study', course);
    const lesson = await loadLesson(tx, course.id, ids.lessonId);
    const enrolment = await enrolmentFor(tx, actor, course.id);
    // A quiz is completed by passing it; reading it only adds time.
    const progress = lesson.kind === 'quiz' ? 0 : input.progress;
    const completes = lesson.kind !== 'quiz' && progress >= 100;
    const [row] = await tx
      .insert(schoolLessonProgress)
      .values({
        enrolmentId: enrolment.id,
        lessonId: lesson.id,
        progress,
        seconds: input.seconds,
        completedAt: completes ? new Date() : null,
      })
      .onConflictDoUpdate({
        target: [schoolLessonProgress.enrolmentId, schoolLessonProgress.lessonId],
        set: {
          progress: sql`greatest(${schoolLessonProgress.progress}, excluded.progress)`,
          seconds: sql`${schoolLessonProgress.seconds} + excluded.seconds`,
          completedAt: sql`coalesce(${schoolLessonProgress.completedAt}, excluded.completed_at)`,
          updatedAt: new Date(),
        },
      })
      .returning();
    await tx
      .update(schoolEnrolments)
      .set({ seconds: sql`${schoolEnrolments.seconds} + ${input.seconds}` })
      .where(eq(schoolEnrolments.id, enrolment.id));
    const settled = await settle(tx, actor, course, enrolment, points);
    return {
      progress: row!.progress,
      seconds: row!.seconds,
      completed: row!.completedAt !== null,
      courseProgress: settled.progress,
    };
  });
}

/** A quiz lesson: graded at once, retaken freely; it is completed by reaching the course's pass mark. */
export async function submitQuiz(
  db: Db,
  actor: Actor,
  ids: { courseId: number; lessonId: number },
  answers: Record<string, number[]>,
  points: SchoolPointsPort,
): Promise<Graded> {
  return withTx(db, async (tx) => {
    const course = await loadCourse(tx, actor, ids.courseId);
    authorizeCourse(actor, 'study', course);
    const lesson = await loadLesson(tx, course.id, ids.lessonId);
    if (lesson.kind !== 'quiz') throw new AppError('BAD_REQUEST', { message: '该课时不是测验' });
    const key = await tx
      .select({ id: schoolQuestions.id, answer: schoolQuestions.answer })
      .from(schoolQuestions)
      .where(eq(schoolQuestions.lessonId, lesson.id))
      .orderBy(asc(schoolQuestions.sort));
    const graded = grade(key, answers);
    const passed = graded.score >= course.passMark;
    const enrolment = await enrolmentFor(tx, actor, course.id);
    await tx
      .insert(schoolLessonProgress)
      .values({
        enrolmentId: enrolment.id,
        lessonId: lesson.id,
        quizScore: graded.score,
        progress: passed ? 100 : 0,
        completedAt: passed ? new Date() : null,
      })
      .onConflictDoUpdate({
        target: [schoolLessonProgress.enrolmentId, schoolLessonProgress.lessonId],
        set: {
          quizScore: sql`greatest(${schoolLessonProgress.quizScore}, excluded.quiz_score)`,
          progress: sql`greatest(${schoolLessonProgress.progress}, excluded.progress)`,
          completedAt: sql`coalesce(${schoolLessonProgress.completedAt}, excluded.completed_at)`,
          updatedAt: new Date(),
        },
      });
    const settled = await settle(tx, actor, course, enrolment, points);
    return { ...graded, passed, pointsAwarded: settled.pointsAwarded, attemptsLeft: null };
  });
}
