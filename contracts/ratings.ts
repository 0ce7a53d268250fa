import { z } from 'zod';

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

export const yearSchema = z.coerce.number().int().min(2000).max(2100);
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
  streetId: z.coerce.number().int().positive().optional(),
  kind: z.enum(['branch_star', 'property_month', 'department_year']).optional(),
});
