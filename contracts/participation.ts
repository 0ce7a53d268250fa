import { z } from 'zod';
import { isoDateTime, sentDateTime } from './datetime.ts';
import { decimal, decimalNumber } from './query.ts';

/**
 * 居民参与: consultations on plans (征求意见), surveys (问卷), votes on micro-projects (微项目投票,
 * participatory budget) and the public community portal (完美社区网). Every item belongs to one
 * community; staff of that community (and administrators above) manage, its verified residents take part.
 */

const title = z.string().trim().min(2, '标题至少 2 个字').max(80, '标题不超过 80 个字');
/** A required text with its Chinese label in the messages. */
export const longText = (label: string, max: number) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 个字`);

/** Open and close moments (Asia/Shanghai offsets from the web); close must follow open. */
const window = z.object({
  opensAt: isoDateTime(),
  closesAt: isoDateTime(),
});
function closesAfterOpens<T extends { opensAt: Date; closesAt: Date }>(b: T, ctx: z.RefinementCtx) {
  if (b.closesAt.getTime() <= b.opensAt.getTime())
    ctx.addIssue({ code: 'custom', path: ['closesAt'], message: '截止时间须晚于开始时间' });
}

/** Where an item stands in its window: not yet open, open, or closed (past its close or closed early). */
export const PHASES = ['upcoming', 'open', 'closed'] as const;
export type Phase = (typeof PHASES)[number];
export const PHASE_LABELS: Record<Phase, string> = { upcoming: '未开始', open: '进行中', closed: '已结束' };

export const communityIdQuery = z.object({ communityId: decimal(decimalNumber().int().positive()).optional() });

// ---------------------------------------------------------------- consultations (征求意见)

export const createConsultationBody = window
  .extend({
    communityId: z.number().int().positive(),
    title,
    body: longText('正文', 10_000),
  })
  .superRefine(closesAfterOpens);

export const consultationAttachment = z.object({
  id: z.number(),
  name: z.string(),
  bytes: z.number(),
  mime: z.string(),
});

export const consultationView = z.object({
  id: z.number(),
  communityId: z.number(),
  communityName: z.string(),
  title: z.string(),
  body: z.string(),
  opensAt: sentDateTime(),
  closesAt: sentDateTime(),
  phase: z.enum(PHASES),
  responseSummary: z.string().nullable(),
  respondedAt: sentDateTime().nullable(),
  attachments: z.array(consultationAttachment),
  comments: z.number(),
});
export type ConsultationView = z.input<typeof consultationView>;

export const consultationListResponse = z.object({ data: z.array(consultationView) });
export const consultationResponse = z.object({
  data: consultationView,
  /** What the caller may do: 'manage' (staff), 'comment' (a verified resident while open). */
  abilities: z.array(z.enum(['manage', 'comment'])),
});

export const commentBody = z.object({ body: longText('意见内容', 2000) });
export const hideCommentBody = z.object({ reason: longText('隐藏理由', 200) });
export const commentParams = z.object({
  id: decimal(decimalNumber().int().positive()),
  commentId: decimal(decimalNumber().int().positive()),
});
export const commentView = z.object({
  id: z.number(),
  authorName: z.string(),
  mine: z.boolean(),
  body: z.string(),
  createdAt: sentDateTime(),
  hidden: z.boolean(),
  hiddenReason: z.string().nullable(),
});
export type CommentView = z.input<typeof commentView>;
export const commentListResponse = z.object({ data: z.array(commentView) });
export const commentResponse = z.object({ data: commentView });

export const respondBody = z.object({ summary: longText('意见采纳情况', 5000) });
export const attachmentResponse = z.object({ data: consultationAttachment });

// ---------------------------------------------------------------- surveys (问卷)

export const QUESTION_KINDS = ['single', 'multiple', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = { single: '单选', multiple: '多选', text: '填空' };

export const questionSchema = z
  .object({
    kind: z.enum(QUESTION_KINDS, { error: '题型不正确' }),
    title: z.string().trim().min(1, '请填写题目').max(200, '题目不超过 200 个字'),
    options: z
      .array(z.string().trim().min(1, '选项不能为空').max(60, '选项不超过 60 个字'))
      .max(12, '选项不超过 12 个')
      .default([]),
    required: z.boolean().default(true),
  })
  .superRefine((q, ctx) => {
    if (q.kind !== 'text' && q.options.length < 2)
      ctx.addIssue({ code: 'custom', path: ['options'], message: '选择题至少 2 个选项' });
    if (q.kind === 'text' && q.options.length)
      ctx.addIssue({ code: 'custom', path: ['options'], message: '填空题没有选项' });
    if (new Set(q.options).size !== q.options.length)
      ctx.addIssue({ code: 'custom', path: ['options'], message: '选项不能重复' });
  });
export type Question = z.output<typeof questionSchema>;

export const createSurveyBody = window
  .extend({
    communityId: z.number().int().positive(),
    title,
    intro: z.string().trim().max(2000, '说明不超过 2000 个字').default(''),
    questions: z.array(questionSchema).min(1, '至少 1 道题').max(30, '不超过 30 道题'),
  })
  .superRefine(closesAfterOpens);

/** One answer per question, in order: an option index, several option indexes, or text (null = skipped). */
export const answerSchema = z
  .union([z.number().int().min(0), z.array(z.number().int().min(0)), z.string().max(1000)])
  .nullable();
export const surveyAnswerBody = z.object({ answers: z.array(answerSchema).max(30) });

export const surveyView = z.object({
  id: z.number(),
  communityId: z.number(),
  communityName: z.string(),
  title: z.string(),
  intro: z.string(),
  questions: z.array(
    z.object({ kind: z.enum(QUESTION_KINDS), title: z.string(), options: z.array(z.string()), required: z.boolean() }),
  ),
  opensAt: sentDateTime(),
  closesAt: sentDateTime(),
  phase: z.enum(PHASES),
  responses: z.number(),
  answeredByMe: z.boolean(),
});
export type SurveyView = z.input<typeof surveyView>;
export const surveyListResponse = z.object({ data: z.array(surveyView) });
export const surveyResponse = z.object({ data: surveyView, abilities: z.array(z.enum(['manage', 'answer'])) });
export const surveyAnsweredResponse = z.object({ data: z.object({ answered: z.literal(true) }) });

export const surveyResults = z.object({
  responses: z.number(),
  questions: z.array(
    z.object({
      kind: z.enum(QUESTION_KINDS),
      title: z.string(),
      /** Per option: how many chose it (choice questions). */
      counts: z.array(z.object({ option: z.string(), count: z.number() })),
      /** Text answers, newest first, without who wrote them (at most 200). */
      texts: z.array(z.string()),
      answered: z.number(),
    }),
  ),
});
export type SurveyResults = z.input<typeof surveyResults>;
export const surveyResultsResponse = z.object({ data: surveyResults });

// ---------------------------------------------------------------- votes on micro-projects (微项目投票)

const projectInput = z.object({
  title: z.string().trim().min(2, '项目名称至少 2 个字').max(60, '项目名称不超过 60 个字'),
  /** Budget in yuan (whole yuan). */
  budgetYuan: z.number().int('预算须为整数（元）').min(1, '预算须大于 0').max(100_000_000, '预算过大'),
  description: longText('项目说明', 2000),
});
export const createVoteRoundBody = window
  .extend({
    communityId: z.number().int().positive(),
    title,
    description: z.string().trim().max(2000, '说明不超过 2000 个字').default(''),
    /** K: how many projects each resident may back (one vote per project). */
    votesPerResident: z.number().int('票数须为整数').min(1, '每人至少 1 票').max(10, '每人不超过 10 票'),
    /** Total money of the round (yuan): winners are funded in rank order while it lasts. */
    budgetCapYuan: z.number().int('预算须为整数（元）').min(1, '总预算须大于 0').max(1_000_000_000, '总预算过大'),
    projects: z.array(projectInput).min(2, '至少 2 个候选项目').max(30, '不超过 30 个候选项目'),
  })
  .superRefine(closesAfterOpens)
  .superRefine((b, ctx) => {
    if (b.votesPerResident > b.projects.length)
      ctx.addIssue({ code: 'custom', path: ['votesPerResident'], message: '每人票数不能多于候选项目数' });
  });

export const ballotBody = z.object({
  projectIds: z
    .array(z.number().int().positive())
    .min(1, '请至少选择 1 个项目')
    .refine((ids) => new Set(ids).size === ids.length, '同一项目只能投 1 票'),
});

export const voteProjectView = z.object({
  id: z.number(),
  title: z.string(),
  budgetYuan: z.number(),
  description: z.string(),
});
export const projectResult = voteProjectView.extend({
  votes: z.number(),
  /** Competition rank (1, 1, 3 …): tied projects share a rank. */
  rank: z.number(),
  tied: z.boolean(),
  funded: z.boolean(),
  /** Tied with another project at the budget line: the money cannot cover all of them, the community decides. */
  tieAtCutoff: z.boolean(),
});
export type ProjectResult = z.input<typeof projectResult>;

export const voteRoundView = z.object({
  id: z.number(),
  communityId: z.number(),
  communityName: z.string(),
  title: z.string(),
  description: z.string(),
  votesPerResident: z.number(),
  budgetCapYuan: z.number(),
  opensAt: sentDateTime(),
  closesAt: sentDateTime(),
  closedAt: sentDateTime().nullable(),
  phase: z.enum(PHASES),
  projects: z.array(voteProjectView),
  voters: z.number(),
  /** The projects the caller backed (empty when they have not voted). */
  myVotes: z.array(z.number()),
});
export type VoteRoundView = z.input<typeof voteRoundView>;
export const voteRoundListResponse = z.object({ data: z.array(voteRoundView) });
export const voteRoundResponse = z.object({ data: voteRoundView, abilities: z.array(z.enum(['manage', 'vote'])) });
export const ballotResponse = z.object({ data: z.object({ projectIds: z.array(z.number()) }) });
export const voteResults = z.object({ voters: z.number(), projects: z.array(projectResult) });
export type VoteResults = z.input<typeof voteResults>;
export const voteResultsResponse = z.object({ data: voteResults });

/** A file download: the bytes are streamed as they are (the serializer leaves streams alone). */
export const fileDownload = z.any().describe('文件内容（二进制流）');
