import { and, eq, inArray, ne, notInArray } from 'drizzle-orm';
import type { CourseBody, QuestionBody } from '../../../../contracts/school.ts';
import { courseBody } from '../../../../contracts/school.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx, type Tx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { loadNodeInScope } from '../../org/load-node.ts';
import { authorizeCourse, authorizeCreateCourse } from '../policy.ts';
import { schoolCourses, schoolLessonProgress, schoolLessons, schoolQuestions } from '../schema.ts';

type Input = ReturnType<typeof courseBody.parse>;

/** Opens a course at a node the manager covers, with its lessons, quizzes and exam, in one transaction. */
export async function createCourse(db: Db, actor: Actor, body: CourseBody) {
  const input = courseBody.parse(body);
  return withTx(db, async (tx) => {
    const node = await loadNodeInScope(tx, actor, input.nodeId).catch(() => {
      throw invalid('nodeId', '开课单位不存在或不在管辖范围内');
    });
    authorizeCreateCourse(actor, node.path);
    if (input.lessons.some((l) => l.id !== undefined)) throw invalid('lessons', '新课程的课时不能带编号');
    const course = await insertCourse(tx, node, input, actor.userId);
    await recordAudit(tx, actor, {
      action: 'school.course.create',
      targetType: 'school_course',
      targetId: course.id,
      scopePath: node.path,
      summary: { title: input.title, lessons: input.lessons.length },
    });
    return course;
  });
}

/** The rows of a new course (the demo seed uses it too, without an actor). */
export async function insertCourse(
  tx: Tx,
  node: { id: number; path: string },
  input: Input,
  createdBy: number | null,
): Promise<{ id: number }> {
  const [course] = await tx
    .insert(schoolCourses)
    .values({ ...courseColumns(input), nodeId: node.id, scopePath: node.path, createdBy })
    .returning({ id: schoolCourses.id });
  await writeContent(tx, course!.id, input);
  return course!;
}

/**
 * Rewrites a course. Lessons named by id keep their id and the learners' progress; lessons left
 * out are removed with their progress; questions are replaced (attempts keep their own answers).
 * Learners who already completed or passed keep that: a later edit does not take a pass away.
 */
export async function updateCourse(db: Db, actor: Actor, id: number, body: CourseBody) {
  const input = courseBody.parse(body);
  return withTx(db, async (tx) => {
    const [course] = await tx.select().from(schoolCourses).where(eq(schoolCourses.id, id)).for('update');
    if (!course) throw new AppError('NOT_FOUND');
    authorizeCourse(actor, 'edit', course);
    if (input.nodeId !== course.nodeId) throw invalid('nodeId', '开课单位不能更改');
    const kept = await tx.select({ id: schoolLessons.id }).from(schoolLessons).where(eq(schoolLessons.courseId, id));
    const keptIds = new Set(kept.map((l) => l.id));
    for (const [i, l] of input.lessons.entries())
      if (l.id !== undefined && !keptIds.has(l.id)) throw invalid(`lessons.${i}.id`, '课时不属于本课程');
    await tx
      .update(schoolCourses)
      .set({ ...courseColumns(input), updatedAt: new Date() })
      .where(eq(schoolCourses.id, id));
    await writeContent(tx, id, input);
    await recordAudit(tx, actor, {
      action: 'school.course.update',
      targetType: 'school_course',
      targetId: id,
      scopePath: course.scopePath,
      summary: { title: input.title, lessons: input.lessons.length, published: input.published },
    });
    return { id };
  });
}

function courseColumns(input: Input) {
  return {
    title: input.title,
    summary: input.summary,
    audiences: [...new Set(input.audiences)],
    passMark: input.passMark,
    maxAttempts: input.maxAttempts,
    published: input.published,
  };
}

async function writeContent(tx: Tx, courseId: number, input: Input) {
  const keepIds = input.lessons.flatMap((l) => (l.id === undefined ? [] : [l.id]));
  const gone = await tx
    .delete(schoolLessons)
    .where(
      and(eq(schoolLessons.courseId, courseId), keepIds.length ? notInArray(schoolLessons.id, keepIds) : undefined),
    )
    .returning({ id: schoolLessons.id });
  if (gone.length)
    await tx.delete(schoolLessonProgress).where(
      inArray(
        schoolLessonProgress.lessonId,
        gone.map((l) => l.id),
      ),
    );
  await tx.delete(schoolQuestions).where(eq(schoolQuestions.courseId, courseId));
  for (const [sort, l] of input.lessons.entries()) {
    const values = {
      courseId,
      sort,
      title: l.title,
      kind: l.kind,
      body: l.body,
      videoUrl: l.kind === 'video' ? l.videoUrl : null,
      minutes: l.minutes,
    };
    if (l.id !== undefined) await tx.update(schoolLessons).set(values).where(eq(schoolLessons.id, l.id));
    const lessonId = l.id ?? (await tx.insert(schoolLessons).values(values).returning({ id: schoolLessons.id }))[0]!.id;
    if (l.kind === 'quiz') await insertQuestions(tx, courseId, lessonId, l.questions);
  }
  await insertQuestions(tx, courseId, null, input.exam);
  // A video lesson turned into another kind keeps no stale file reference.
  await tx
    .update(schoolLessons)
    .set({ videoFileKey: null })
    .where(and(eq(schoolLessons.courseId, courseId), ne(schoolLessons.kind, 'video')));
}

async function insertQuestions(tx: Tx, courseId: number, lessonId: number | null, questions: QuestionBody[]) {
  if (!questions.length) return;
  await tx.insert(schoolQuestions).values(
    questions.map((q, sort) => ({
      courseId,
      lessonId,
      sort,
      kind: q.kind,
      prompt: q.prompt,
      options: q.options,
      answer: q.answer,
    })),
  );
}
