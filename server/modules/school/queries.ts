import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Audience, CourseDetail, CourseSummary } from '../../../contracts/school.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { orgNodes } from '../org/schema.ts';
import { lessonsOf } from './load.ts';
import { canCourse, courseVisibleWhere } from './policy.ts';
import {
  schoolCourses,
  schoolEnrolments,
  schoolExamAttempts,
  schoolLessonProgress,
  schoolLessons,
  schoolQuestions,
  type CourseRow,
} from './schema.ts';

const lessonCount = sql<number>`(select count(*)::int from ${schoolLessons} where ${schoolLessons.courseId} = ${schoolCourses.id})`;
const examCount = sql<number>`(select count(*)::int from ${schoolQuestions} where ${schoolQuestions.courseId} = ${schoolCourses.id} and ${schoolQuestions.lessonId} is null)`;
const doneCount = sql<number>`(select count(*)::int from ${schoolLessonProgress} where ${schoolLessonProgress.enrolmentId} = ${schoolEnrolments.id} and ${schoolLessonProgress.completedAt} is not null)`;

/** The catalogue: what the actor may study or edit, newest first, with their own progress. */
export async function listCourses(db: Queryable, actor: Actor, audience?: Audience): Promise<CourseSummary[]> {
  const rows = await db
    .select({
      course: schoolCourses,
      nodeName: orgNodes.name,
      lessons: lessonCount,
      exam: examCount,
      enrolmentId: schoolEnrolments.id,
      done: doneCount,
      completedAt: schoolEnrolments.completedAt,
      passedAt: schoolEnrolments.passedAt,
    })
    .from(schoolCourses)
    .innerJoin(orgNodes, eq(orgNodes.id, schoolCourses.nodeId))
    .leftJoin(
      schoolEnrolments,
      and(eq(schoolEnrolments.courseId, schoolCourses.id), eq(schoolEnrolments.userId, actor.userId)),
    )
    .where(and(courseVisibleWhere(actor), audience ? sql`${audience} = any(${schoolCourses.audiences})` : undefined))
    .orderBy(desc(schoolCourses.id))
    .limit(200);
  return rows.map((r) => summary(actor, r.course, r.nodeName, r.lessons, r.exam, r));
}

function summary(
  actor: Actor,
  c: CourseRow,
  nodeName: string,
  lessons: number,
  exam: number,
  mine: { enrolmentId: number | null; done: number | null; completedAt: Date | null; passedAt: Date | null },
): CourseSummary {
  return {
    id: c.id,
    title: c.title,
    summary: c.summary,
    nodeName,
    audiences: c.audiences,
    passMark: c.passMark,
    maxAttempts: c.maxAttempts,
    published: c.published,
    lessons,
    hasExam: exam > 0,
    mine:
      mine.enrolmentId === null
        ? null
        : {
            progress: lessons ? Math.floor(((mine.done ?? 0) * 100) / lessons) : 0,
            completed: mine.completedAt !== null,
            passed: mine.passedAt !== null,
          },
    canEdit: canCourse(actor, 'edit', c),
  };
}

/** A course as the learner sees it: lessons with their progress, quiz and exam questions without answers. */
export async function courseDetail(db: Queryable, actor: Actor, course: CourseRow): Promise<CourseDetail> {
  const [lessons, questions, [node], [enrolment]] = await Promise.all([
    lessonsOf(db, course.id),
    db.select().from(schoolQuestions).where(eq(schoolQuestions.courseId, course.id)).orderBy(asc(schoolQuestions.sort)),
    db.select({ name: orgNodes.name }).from(orgNodes).where(eq(orgNodes.id, course.nodeId)),
    db
      .select()
      .from(schoolEnrolments)
      .where(and(eq(schoolEnrolments.courseId, course.id), eq(schoolEnrolments.userId, actor.userId))),
  ]);
  const progress = enrolment
    ? await db.select().from(schoolLessonProgress).where(eq(schoolLessonProgress.enrolmentId, enrolment.id))
    : [];
  const attempts = enrolment
    ? await db
        .select()
        .from(schoolExamAttempts)
        .where(eq(schoolExamAttempts.enrolmentId, enrolment.id))
        .orderBy(asc(schoolExamAttempts.submittedAt))
    : [];
  const view = (q: (typeof questions)[number]) => ({ id: q.id, kind: q.kind, prompt: q.prompt, options: q.options });
  const exam = questions.filter((q) => q.lessonId === null).map(view);
  const done = progress.filter((p) => p.completedAt).length;
  const base = summary(actor, course, node?.name ?? '', lessons.length, exam.length, {
    enrolmentId: enrolment?.id ?? null,
    done,
    completedAt: enrolment?.completedAt ?? null,
    passedAt: enrolment?.passedAt ?? null,
  });
  return {
    ...base,
    lessonList: lessons.map((l) => {
      const p = progress.find((x) => x.lessonId === l.id);
      return {
        id: l.id,
        sort: l.sort,
        title: l.title,
        kind: l.kind,
        body: l.body,
        videoUrl: l.videoUrl,
        hasVideoFile: l.videoFileKey !== null,
        minutes: l.minutes,
        questions: questions.filter((q) => q.lessonId === l.id).map(view),
        progress: p?.progress ?? 0,
        seconds: p?.seconds ?? 0,
        completed: Boolean(p?.completedAt),
      };
    }),
    exam,
    attempts: attempts.map((a) => ({
      id: a.id,
      score: a.score,
      passed: a.passed,
      submittedAt: a.submittedAt.toISOString(),
    })),
    attemptsLeft: Math.max(0, course.maxAttempts - (enrolment?.attempts ?? 0)),
  };
}

/** The whole course with answers, for its editor. */
export async function courseForEdit(db: Queryable, course: CourseRow) {
  const [lessons, questions] = await Promise.all([
    lessonsOf(db, course.id),
    db.select().from(schoolQuestions).where(eq(schoolQuestions.courseId, course.id)).orderBy(asc(schoolQuestions.sort)),
  ]);
  const full = (q: (typeof questions)[number]) => ({
    kind: q.kind,
    prompt: q.prompt,
    options: q.options,
    answer: q.answer,
  });
  return {
    id: course.id,
    nodeId: course.nodeId,
    title: course.title,
    summary: course.summary,
    audiences: course.audiences,
    passMark: course.passMark,
    maxAttempts: course.maxAttempts,
    published: course.published,
    lessons: lessons.map((l) => ({
      id: l.id,
      title: l.title,
      kind: l.kind,
      body: l.body,
      videoUrl: l.videoUrl,
      hasVideoFile: l.videoFileKey !== null,
      minutes: l.minutes,
      questions: questions.filter((q) => q.lessonId === l.id).map(full),
    })),
    exam: questions.filter((q) => q.lessonId === null).map(full),
  };
}

/** 我的学习档案: every course the actor started, newest first. */
export async function myRecords(db: Queryable, actor: Actor) {
  const rows = await db
    .select({ e: schoolEnrolments, title: schoolCourses.title, lessons: lessonCount, done: doneCount })
    .from(schoolEnrolments)
    .innerJoin(schoolCourses, eq(schoolCourses.id, schoolEnrolments.courseId))
    .where(eq(schoolEnrolments.userId, actor.userId))
    .orderBy(desc(schoolEnrolments.startedAt), desc(schoolEnrolments.id));
  return rows.map((r) => ({
    courseId: r.e.courseId,
    title: r.title,
    startedAt: r.e.startedAt.toISOString(),
    completedAt: r.e.completedAt?.toISOString() ?? null,
    passedAt: r.e.passedAt?.toISOString() ?? null,
    bestScore: r.e.bestScore,
    attempts: r.e.attempts,
    progress: r.lessons ? Math.floor((r.done * 100) / r.lessons) : 0,
    minutes: Math.round(r.e.seconds / 60),
  }));
}

/** Enrolments of the given accounts (optionally one course), for the statistics. */
export async function enrolmentsOf(db: Queryable, userIds: number[], courseId?: number) {
  if (!userIds.length) return [];
  return db
    .select({
      userId: schoolEnrolments.userId,
      completedAt: schoolEnrolments.completedAt,
      passedAt: schoolEnrolments.passedAt,
      attempts: schoolEnrolments.attempts,
      seconds: schoolEnrolments.seconds,
    })
    .from(schoolEnrolments)
    .where(
      and(inArray(schoolEnrolments.userId, userIds), courseId ? eq(schoolEnrolments.courseId, courseId) : undefined),
    );
}
