import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { Audience, LessonKind } from '../../../contracts/school.ts';

/**
 * A course of the online party school (手机党校 / 网格学院). It is offered by a governance node:
 * everyone at or under that node whose audience (党员, 网格员, 干部) is listed may study it.
 */
export const schoolCourses = pgTable(
  'school_courses',
  {
    id: serial('id').primaryKey(),
    nodeId: integer('node_id').notNull(),
    scopePath: text('scope_path').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    audiences: text('audiences').array().$type<Audience[]>().notNull(),
    passMark: integer('pass_mark').notNull().default(60),
    maxAttempts: integer('max_attempts').notNull().default(3),
    published: boolean('published').notNull().default(false),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('school_courses_scope_idx').using('btree', sql`${t.scopePath} text_pattern_ops`),
    check('school_courses_pass_mark_ck', sql`${t.passMark} between 1 and 100`),
  ],
);

export const schoolLessons = pgTable(
  'school_lessons',
  {
    id: serial('id').primaryKey(),
    courseId: integer('course_id').notNull(),
    sort: integer('sort').notNull(),
    title: text('title').notNull(),
    kind: text('kind').$type<LessonKind>().notNull(),
    body: text('body').notNull().default(''),
    videoUrl: text('video_url'),
    /** Key of an uploaded video in the shared file store (platform/files). */
    videoFileKey: text('video_file_key'),
    minutes: integer('minutes').notNull().default(10),
  },
  (t) => [
    index('school_lessons_course_idx').on(t.courseId, t.sort),
    check('school_lessons_kind_ck', sql`${t.kind} in ('document','video','quiz')`),
  ],
);

/** A question of a quiz lesson (lesson_id set) or of the course's final exam (lesson_id null). */
export const schoolQuestions = pgTable(
  'school_questions',
  {
    id: serial('id').primaryKey(),
    courseId: integer('course_id').notNull(),
    lessonId: integer('lesson_id'),
    sort: integer('sort').notNull(),
    kind: text('kind').$type<'single' | 'multiple'>().notNull(),
    prompt: text('prompt').notNull(),
    options: jsonb('options').$type<string[]>().notNull(),
    answer: jsonb('answer').$type<number[]>().notNull(),
  },
  (t) => [
    index('school_questions_course_idx').on(t.courseId, t.lessonId, t.sort),
    check('school_questions_kind_ck', sql`${t.kind} in ('single','multiple')`),
  ],
);

/**
 * A learner's record of one course. `scope_path` copies the learner's scope at enrolment, so the
 * statistics per area need no join to accounts; best score and attempts are kept here for lists.
 */
export const schoolEnrolments = pgTable(
  'school_enrolments',
  {
    id: serial('id').primaryKey(),
    courseId: integer('course_id').notNull(),
    userId: integer('user_id').notNull(),
    scopePath: text('scope_path'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    /** Every lesson done. */
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** Exam passed (or, for a course without exam, completed). */
    passedAt: timestamp('passed_at', { withTimezone: true }),
    bestScore: integer('best_score'),
    attempts: integer('attempts').notNull().default(0),
    seconds: integer('seconds').notNull().default(0),
  },
  (t) => [
    uniqueIndex('school_enrolments_uq').on(t.courseId, t.userId),
    index('school_enrolments_user_idx').on(t.userId),
  ],
);

export const schoolLessonProgress = pgTable(
  'school_lesson_progress',
  {
    enrolmentId: integer('enrolment_id').notNull(),
    lessonId: integer('lesson_id').notNull(),
    progress: integer('progress').notNull().default(0),
    seconds: integer('seconds').notNull().default(0),
    quizScore: integer('quiz_score'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enrolmentId, t.lessonId] })],
);

export const schoolExamAttempts = pgTable(
  'school_exam_attempts',
  {
    id: serial('id').primaryKey(),
    enrolmentId: integer('enrolment_id').notNull(),
    score: integer('score').notNull(),
    passed: boolean('passed').notNull(),
    answers: jsonb('answers').$type<Record<string, number[]>>().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('school_exam_attempts_enrolment_idx').on(t.enrolmentId, t.submittedAt)],
);

export type CourseRow = typeof schoolCourses.$inferSelect;
export type LessonRow = typeof schoolLessons.$inferSelect;
export type QuestionRow = typeof schoolQuestions.$inferSelect;
export type EnrolmentRow = typeof schoolEnrolments.$inferSelect;
