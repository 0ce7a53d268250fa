// Response shapes come from the shared zod contracts (type-only; `z.input` is what the web receives); labels
// repeated so no zod reaches the bundle.
import type { z } from 'zod';
import type {
  RATING_KINDS,
  checkedResultSchema,
  indicatorSchema,
  propertyListSchema,
  ratingRunDetailResponse,
  ratingRunSchema,
} from '../../../contracts/ratings.ts';

export type RatingKind = (typeof RATING_KINDS)[number];
export const STAR_INDICATOR_LABELS: Record<string, string> = {
  cases_handled: '网格内处置事件数',
  on_time_rate: '按期处置率',
  meeting_attendance: '会议出席率',
  member_points: '党员人均积分',
  wishes_fulfilled: '微心愿完成数',
};
export const GRADE_LABELS: Record<string, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };
export const COLOUR_LABELS: Record<string, string> = { red: '红榜', yellow: '黄榜' };

export type Indicator = z.input<typeof indicatorSchema>;
export type Run = z.input<typeof ratingRunSchema>;
export type RunResult = z.input<typeof checkedResultSchema>;
export type RunDetail = z.input<typeof ratingRunDetailResponse>['data'];
export type PropertyList = z.input<typeof propertyListSchema>;
