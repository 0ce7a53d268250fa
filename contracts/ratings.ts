import { z } from 'zod';
import { sentDateTime } from './datetime.ts';
import { decimal, decimalNumber } from './query.ts';

export const STAR_INDICATORS = [
  'cases_handled',
  'on_time_rate',
  'meeting_attendance',
  'member_points',
  'wishes_fulfilled',
] as const;
export type StarIndicator = (typeof STAR_INDICATORS)[number];
export const STAR_INDICATOR_LABELS: Record<StarIndicator, string> = {
  cases_handled: '网格内处置事件数',
  on_time_rate: '按期处置率',
  meeting_attendance: '会议出席率',
  member_points: '党员人均积分',
  wishes_fulfilled: '微心愿完成数',
};
export const GRADE_LABELS = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' } as const;
export const COLOUR_LABELS = { red: '红榜', yellow: '黄榜' } as const;

export const yearSchema = decimal(decimalNumber().int().min(2000).max(2100));
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

export const starConfigBody = z.object({
  indicators: z
    .array(
      z.object({ key: z.enum(STAR_INDICATORS), weight: z.number().min(0).max(100), target: z.number().positive() }),
    )
    .min(1)
    .max(STAR_INDICATORS.length)
    .refine((list) => new Set(list.map((i) => i.key)).size === list.length, '指标不能重复')
    .refine((list) => list.some((i) => i.weight > 0), '至少一个指标权重大于 0'),
});

export const computeStarBody = z.object({ streetId: z.number().int().positive(), year: yearSchema });
export const computePropertyBody = z.object({ streetId: z.number().int().positive(), month: monthSchema });
export const computeDepartmentBody = z.object({ streetId: z.number().int().positive(), year: yearSchema });
export const adjustResultBody = z.object({
  stars: z.number().int().min(1).max(5),
  reason: z.string().trim().min(4).max(500),
});
export const ratePropertyBody = z.object({
  month: monthSchema,
  score: z.number().int().min(1).max(5),
  comment: z.string().max(500).optional(),
});
export const departmentVoteBody = z.object({
  year: yearSchema,
  departmentId: z.number().int().positive(),
  communityId: z.number().int().positive(),
  score: z.number().int().min(1).max(5),
  comment: z.string().max(500).optional(),
});
export const runListQuery = z.object({
  streetId: decimal(decimalNumber().int().positive()).optional(),
  kind: z.enum(['branch_star', 'property_month', 'department_year']).optional(),
});

// Responses: the rows as server/modules/ratings/{queries,commands} return them (the serializer drops any other field).
export const RATING_KINDS = ['branch_star', 'property_month', 'department_year'] as const;
export const indicatorSchema = z.object({ key: z.string(), weight: z.number(), target: z.number() });
export const ratingRunSchema = z.object({
  id: z.number().int(),
  kind: z.enum(RATING_KINDS),
  period: z.string(),
  streetId: z.number().int(),
  scopePath: z.string(),
  formulaVersion: z.string(),
  formula: z.string(),
  createdBy: z.number().int(),
  createdAt: sentDateTime(),
});
export const ratingResultSchema = z.object({
  id: z.number().int(),
  runId: z.number().int(),
  subjectKind: z.enum(['branch', 'property_company', 'department']),
  subjectId: z.number().int(),
  subjectName: z.string(),
  subjectPath: z.string(),
  inputs: z.record(z.string(), z.unknown()),
  score: z.number(),
  outcome: z.string(),
  adjustedOutcome: z.string().nullable(),
  adjustReason: z.string().nullable(),
  adjustedBy: z.number().int().nullable(),
});
/** A stored result with whether its formula, run again on its stored inputs, gives the same score and outcome. */
export const checkedResultSchema = ratingResultSchema.extend({ reproduced: z.boolean() });
export const starConfigSchema = z.object({
  indicators: z.array(indicatorSchema),
  isDefault: z.boolean(),
  formula: z.object({ version: z.string(), text: z.string() }),
});
export const savedStarConfigSchema = z.object({
  streetId: z.number().int(),
  indicators: z.array(indicatorSchema),
  updatedBy: z.number().int(),
  updatedAt: sentDateTime(),
});
export const propertyListSchema = z.object({
  street: z.object({ id: z.number().int(), name: z.string() }),
  run: ratingRunSchema.nullable(),
  red: z.array(checkedResultSchema),
  yellow: z.array(checkedResultSchema),
});
const ballot = {
  id: z.number().int(),
  score: z.number().int(),
  comment: z.string().nullable(),
  createdAt: sentDateTime(),
};
export const propertyRatingSchema = z.object({
  ...ballot,
  companyId: z.number().int(),
  userId: z.number().int(),
  month: z.string(),
});
export const departmentVoteSchema = z.object({
  ...ballot,
  year: z.number().int(),
  departmentId: z.number().int(),
  communityId: z.number().int(),
  voterUserId: z.number().int(),
});

const namedSchema = z.object({ id: z.number().int(), name: z.string() });
export const starConfigResponse = z.object({ data: starConfigSchema, abilities: z.array(z.string()) });
export const savedStarConfigResponse = z.object({ data: savedStarConfigSchema });
export const ratingRunResponse = z.object({ data: ratingRunSchema });
export const ratingRunListResponse = z.object({ data: z.array(ratingRunSchema) });
export const ratingRunDetailResponse = z.object({
  data: ratingRunSchema.extend({ results: z.array(checkedResultSchema) }),
  abilities: z.array(z.string()),
});
export const ratingResultResponse = z.object({ data: ratingResultSchema });
export const propertyListResponse = z.object({ data: propertyListSchema });
export const propertyCompaniesResponse = z.object({ data: z.array(namedSchema.extend({ estates: z.number() })) });
export const propertyRatingResponse = z.object({ data: propertyRatingSchema });
export const departmentVoteResponse = z.object({ data: departmentVoteSchema });
export const streetResponse = z.object({ data: namedSchema });
