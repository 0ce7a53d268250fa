import type { CommunityPost, PostBody } from './api';

export const PERIOD_LABELS: Record<PostBody['period'], string> = { month: '每月', quarter: '每季度', year: '每年' };
export const SOURCE_OPTIONS = [
  { value: 'case.accepted', label: '上报事件被受理（自动）' },
  { value: 'wish.fulfilled', label: '完成微心愿（自动）' },
  { value: 'volunteer.hour', label: '志愿服务每小时（自动）' },
  { value: 'meeting.attended', label: '参加议事会议（自动）' },
  { value: 'school.passed', label: '党校课程考试合格（自动）' },
  { value: 'manual', label: '支部登记（附佐证）' },
];
export const POST_FIELDS = ['name', 'duties', 'period', 'targetPoints', 'items'] as const;

/** The form's starting values: a post being edited, or a new post with one empty service item. */
export function postFormValues(post: CommunityPost | null): PostBody {
  if (post)
    return {
      name: post.name,
      duties: post.duties,
      period: post.period,
      targetPoints: post.targetPoints,
      items: post.items.map((i) => ({ ...i })),
    };
  return {
    name: '',
    duties: '',
    period: 'month',
    targetPoints: 6,
    items: [{ code: '', label: '', sourceKind: 'manual', points: 1 }],
  };
}

/** What the server receives: trimmed text, codes in lower case (the server's rule), whole numbers. */
export function postBody(v: PostBody): PostBody {
  return {
    name: v.name.trim(),
    duties: (v.duties ?? '').trim(),
    period: v.period,
    targetPoints: v.targetPoints,
    items: (v.items ?? []).map((i) => ({
      code: i.code.trim().toLowerCase(),
      label: i.label.trim(),
      sourceKind: i.sourceKind,
      points: i.points,
    })),
  };
}
