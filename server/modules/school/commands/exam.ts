import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Graded } from '../../../../contracts/school.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { grade } from '../grading.ts';
import { loadCourse } from '../load.ts';
import { authorizeCourse } from '../policy.ts';
import type { SchoolPointsPort } from '../ports.ts';
import { schoolEnrolments, schoolExamAttempts, schoolQuestions } from '../schema.ts';
import { award, enrolmentFor } from './study.ts';

/**
 * The course's final exam: open once every lesson is done, at most `max_attempts` times, closed
 * once passed. A pass records the date and credits the party points in the same transaction.
 */
export async function submitExam(
  db: Db,
  actor: Actor,
  courseId: number,
  answers: Record<string, number[]>,
  points: SchoolPointsPort,
): Promise<Graded> {
  return withTx(db, async (tx) => {
    const course = await loadCourse(tx, actor, courseId);
    authorizeCourse(actor, 'study', course);
    const key = await tx
      .select({ id: schoolQuestions.id, answer: schoolQuestions.answer })
      .from(schoolQuestions)
      .where(and(eq(schoolQuestions.courseId, course.id), isNull(schoolQuestions.lessonId)))
      .orderBy(asc(schoolQuestions.sort));
    if (!key.length) throw new AppError('BAD_REQUEST', { message: '本课程没有结业考试' });
    const enrolment = await enrolmentFor(tx, actor, course.id);
    if (!enrolment.completedAt) throw new AppError('CONFLICT', { message: '请先学完全部课时再参加考试' });
    if (enrolment.passedAt) throw new AppError('DUPLICATE', { message: '您已通过本课程考试' });
    if (enrolment.attempts >= course.maxAttempts) throw new AppError('CONFLICT', { message: '考试次数已用完' });
    const graded = grade(key, answers);
    const passed = graded.score >= course.passMark;
    const now = new Date();
    await tx.insert(schoolExamAttempts).values({ enrolmentId: enrolment.id, score: graded.score, passed, answers });
    await tx
      .update(schoolEnrolments)
      .set({
        attempts: enrolment.attempts + 1,
        bestScore: Math.max(enrolment.bestScore ?? 0, graded.score),
        passedAt: passed ? now : null,
      })
      .where(eq(schoolEnrolments.id, enrolment.id));
    const pointsAwarded = passed ? await award(tx, actor, course, points, now) : 0;
    await recordAudit(tx, actor, {
      action: 'school.exam.submit',
      targetType: 'school_course',
      targetId: course.id,
      scopePath: actor.scopePath,
      summary: { score: graded.score, passed, attempt: enrolment.attempts + 1 },
    });
    return { ...graded, passed, pointsAwarded, attemptsLeft: course.maxAttempts - enrolment.attempts - 1 };
  });
}
