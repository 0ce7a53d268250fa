import { z } from 'zod';
import { decimal, decimalNumber } from './query.ts';

/** 手机党校 / 网格学院: courses of lessons (documents, videos, quizzes), study records, exams. */
export const AUDIENCES = ['member', 'grid', 'cadre'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const AUDIENCE_LABELS: Record<Audience, string> = { member: '党员', grid: '网格员', cadre: '干部' };
export const audienceSchema = z.enum(AUDIENCES, { message: '请选择面向对象' });

export const LESSON_KINDS = ['document', 'video', 'quiz'] as const;
export type LessonKind = (typeof LESSON_KINDS)[number];
export const LESSON_KIND_LABELS: Record<LessonKind, string> = { document: '图文', video: '视频', quiz: '随堂测验' };

export const questionBody = z
  .object({
    kind: z.enum(['single', 'multiple'], { message: '请选择题型' }),
    prompt: z.string().trim().min(2, '题干至少 2 个字').max(500, '题干不超过 500 字'),
    options: z
      .array(z.string().trim().min(1, '选项不能为空').max(200, '选项不超过 200 字'))
      .min(2, '至少 2 个选项')
      .max(8, '最多 8 个选项'),
    /** Indexes into options of the correct answers. */
    answer: z.array(z.number().int().min(0)).min(1, '请标出正确答案'),
  })
  .superRefine((q, ctx) => {
    if (q.answer.some((a) => a >= q.options.length))
      ctx.addIssue({ code: 'custom', path: ['answer'], message: '正确答案须为已有选项' });
    if (new Set(q.answer).size !== q.answer.length)
      ctx.addIssue({ code: 'custom', path: ['answer'], message: '正确答案不能重复' });
    if (q.kind === 'single' && q.answer.length !== 1)
      ctx.addIssue({ code: 'custom', path: ['answer'], message: '单选题只有一个正确答案' });
  });
export type QuestionBody = z.infer<typeof questionBody>;

export const lessonBody = z
  .object({
    /** An existing lesson keeps its id (and the learners' progress on it); a lesson left out is removed. */
    id: z.number().int().positive().optional(),
    title: z.string().trim().min(2, '课时标题至少 2 个字').max(80, '课时标题不超过 80 字'),
    kind: z.enum(LESSON_KINDS, { message: '请选择课时类型' }),
    body: z.string().trim().max(20000, '正文不超过 20000 字').default(''),
    videoUrl: z
      .string()
      .trim()
      .regex(/^https?:\/\/\S+$/, '视频地址须以 http:// 或 https:// 开头')
      .max(500, '视频地址过长')
      .nullable()
      .default(null),
    /** Minutes of study a reader is expected to spend (document and video). */
    minutes: z.number().int().min(1, '学时至少 1 分钟').max(600, '学时不超过 600 分钟').default(10),
    questions: z.array(questionBody).max(50, '每个测验最多 50 题').default([]),
  })
  .superRefine((l, ctx) => {
    if (l.kind === 'document' && !l.body)
      ctx.addIssue({ code: 'custom', path: ['body'], message: '图文课时须填写正文' });
    if (l.kind === 'quiz' && l.questions.length === 0)
      ctx.addIssue({ code: 'custom', path: ['questions'], message: '测验至少 1 题' });
  });
export type LessonBody = z.infer<typeof lessonBody>;

export const courseBody = z.object({
  /** The node that offers the course; everyone at or under it in the audience may study it. */
  nodeId: z.number({ message: '请选择开课单位' }).int().positive(),
  title: z.string().trim().min(2, '课程名称至少 2 个字').max(80, '课程名称不超过 80 字'),
  summary: z.string().trim().max(1000, '简介不超过 1000 字').default(''),
  audiences: z.array(audienceSchema).min(1, '至少选择一类面向对象'),
  passMark: z.number().int().min(1, '及格分须在 1–100 之间').max(100, '及格分须在 1–100 之间').default(60),
  maxAttempts: z.number().int().min(1, '考试次数至少 1 次').max(10, '考试次数不超过 10 次').default(3),
  published: z.boolean().default(false),
  lessons: z.array(lessonBody).min(1, '至少 1 个课时').max(40, '最多 40 个课时'),
  /** The final exam; empty = the course is passed when every lesson is done. */
  exam: z.array(questionBody).max(100, '考试最多 100 题').default([]),
});
export type CourseBody = z.input<typeof courseBody>;

export const courseListQuery = z.object({ audience: audienceSchema.optional() });

export const courseSummarySchema = z.object({
  id: z.number(),
  title: z.string(),
  summary: z.string(),
  nodeName: z.string(),
  audiences: z.array(audienceSchema),
  passMark: z.number(),
  maxAttempts: z.number(),
  published: z.boolean(),
  lessons: z.number(),
  hasExam: z.boolean(),
  /** The viewer's own record of this course. */
  mine: z.object({ progress: z.number(), completed: z.boolean(), passed: z.boolean() }).nullable(),
  canEdit: z.boolean(),
});
export type CourseSummary = z.infer<typeof courseSummarySchema>;

/** A question as the learner sees it (no answer). */
export const questionViewSchema = z.object({
  id: z.number(),
  kind: z.enum(['single', 'multiple']),
  prompt: z.string(),
  options: z.array(z.string()),
});
export const lessonViewSchema = z.object({
  id: z.number(),
  sort: z.number(),
  title: z.string(),
  kind: z.enum(LESSON_KINDS),
  body: z.string(),
  videoUrl: z.string().nullable(),
  hasVideoFile: z.boolean(),
  minutes: z.number(),
  questions: z.array(questionViewSchema),
  progress: z.number(),
  seconds: z.number(),
  completed: z.boolean(),
});
export type LessonView = z.infer<typeof lessonViewSchema>;

export const attemptSchema = z.object({
  id: z.number(),
  score: z.number(),
  passed: z.boolean(),
  submittedAt: z.string(),
});
export const courseDetailSchema = courseSummarySchema.extend({
  lessonList: z.array(lessonViewSchema),
  exam: z.array(questionViewSchema),
  attempts: z.array(attemptSchema),
  attemptsLeft: z.number(),
});
export type CourseDetail = z.infer<typeof courseDetailSchema>;
export const courseDetailResponse = z.object({ data: courseDetailSchema });
export const courseListResponse = z.object({ data: z.array(courseSummarySchema) });

/** The full course with answers, for its editor. */
export const courseEditResponse = z.object({
  data: z.object({
    id: z.number(),
    nodeId: z.number(),
    title: z.string(),
    summary: z.string(),
    audiences: z.array(audienceSchema),
    passMark: z.number(),
    maxAttempts: z.number(),
    published: z.boolean(),
    lessons: z.array(
      z.object({
        id: z.number(),
        title: z.string(),
        kind: z.enum(LESSON_KINDS),
        body: z.string(),
        videoUrl: z.string().nullable(),
        hasVideoFile: z.boolean(),
        minutes: z.number(),
        questions: z.array(
          z.object({
            kind: z.enum(['single', 'multiple']),
            prompt: z.string(),
            options: z.array(z.string()),
            answer: z.array(z.number()),
          }),
        ),
      }),
    ),
    exam: z.array(
      z.object({
        kind: z.enum(['single', 'multiple']),
        prompt: z.string(),
        options: z.array(z.string()),
        answer: z.array(z.number()),
      }),
    ),
  }),
});
export const courseSavedResponse = z.object({ data: z.object({ id: z.number() }) });

export const lessonParams = z.object({
  id: decimal(decimalNumber().int().positive()),
  lessonId: decimal(decimalNumber().int().positive()),
});
export const progressBody = z.object({
  /** Seconds studied since the last report (the reader/player reports every ~30 s and on leaving). */
  seconds: z.number().int().min(0, '学习时长不能为负').max(3600, '单次上报不超过 3600 秒'),
  /** How far the learner got, 0–100 (scrolled, or video played). */
  progress: z.number().int().min(0, '进度须在 0–100 之间').max(100, '进度须在 0–100 之间'),
});
export const progressResponse = z.object({
  data: z.object({ progress: z.number(), seconds: z.number(), completed: z.boolean(), courseProgress: z.number() }),
});

export const answersBody = z.object({
  /** Question id → chosen option indexes. */
  answers: z.record(z.string(), z.array(z.number().int().min(0)).max(8)),
});
export const gradedSchema = z.object({
  score: z.number(),
  passed: z.boolean(),
  correct: z.number(),
  total: z.number(),
  /** Points credited to the party ledger for passing this course (0 when none: not a member, or already credited). */
  pointsAwarded: z.number(),
  /** Exam attempts left; null for a quiz lesson (quizzes may be retaken freely). */
  attemptsLeft: z.number().nullable(),
});
export const gradedResponse = z.object({ data: gradedSchema });
export type Graded = z.infer<typeof gradedSchema>;

export const myRecordSchema = z.object({
  courseId: z.number(),
  title: z.string(),
  startedAt: z.string(),
  completedAt: z.string().nullable(),
  passedAt: z.string().nullable(),
  bestScore: z.number().nullable(),
  attempts: z.number(),
  progress: z.number(),
  minutes: z.number(),
});
export const myRecordsResponse = z.object({ data: z.array(myRecordSchema) });

export const statsQuery = z.object({
  nodeId: decimal(decimalNumber().int().positive()).optional(),
  courseId: decimal(decimalNumber().int().positive()).optional(),
});
export const branchStudySchema = z.object({
  branchId: z.number(),
  branchName: z.string(),
  members: z.number(),
  started: z.number(),
  completed: z.number(),
  examined: z.number(),
  passed: z.number(),
  /** Passed share of the members who sat an exam (0–100, one decimal); null before any. */
  passRate: z.number().nullable(),
  minutes: z.number(),
});
export type BranchStudy = z.infer<typeof branchStudySchema>;
export const statsResponse = z.object({ data: z.array(branchStudySchema) });

export const videoUploadResponse = z.object({ data: z.object({ lessonId: z.number(), bytes: z.number() }) });
/** A streamed file (the lesson's video): bytes, not JSON; declared so the route census knows its success status. */
export const videoStreamResponse = z.unknown().describe('视频文件（二进制流）');
