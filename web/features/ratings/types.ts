// Response shapes mirror server/modules/ratings/{schema,queries,routes}.ts; labels repeated so no zod reaches the bundle.
export type RatingKind = 'branch_star' | 'property_month' | 'department_year';
export const STAR_INDICATOR_LABELS: Record<string, string> = {
  cases_handled: '网格内处置事件数',
  on_time_rate: '按期处置率',
  meeting_attendance: '会议出席率',
  member_points: '党员人均积分',
  wishes_fulfilled: '微心愿完成数',
};
export const GRADE_LABELS: Record<string, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };
export const COLOUR_LABELS: Record<string, string> = { red: '红榜', yellow: '黄榜' };

export interface Indicator {
  key: string;
  weight: number;
  target: number;
}
export interface Run {
  id: number;
  kind: RatingKind;
  period: string;
  streetId: number;
  formulaVersion: string;
  formula: string;
  createdAt: string;
}
export interface RunResult {
  id: number;
  subjectKind: string;
  subjectId: number;
  subjectName: string;
  inputs: Record<string, unknown>;
  score: number;
  outcome: string;
  adjustedOutcome: string | null;
  adjustReason: string | null;
  reproduced: boolean;
}
export interface RunDetail extends Run {
  results: RunResult[];
}
export interface PropertyList {
  street: { id: number; name: string };
  run: Run | null;
  red: RunResult[];
  yellow: RunResult[];
}
