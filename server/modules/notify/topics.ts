import type { NoticeTopic } from '../../../contracts/notify.ts';

const TOPIC_OF: Record<string, NoticeTopic> = {
  'case.dispatch': 'task',
  'case.rework': 'task',
  'case.approve_extension': 'task',
  'case.refuse_extension': 'task',
  'case.verify': 'task',
  'case.to_close': 'task',
  'case.return': 'task',
  'case.request_extension': 'task',
  'wish.dispatch': 'task',
  'case.accept': 'progress',
  'case.reject': 'progress',
  'case.merge': 'progress',
  'case.close': 'progress',
  'case.due_soon': 'deadline',
  'case.overdue': 'deadline',
  'case.supervise': 'deadline',
  'area.new': 'area',
  'area.closed': 'area',
};

/** Which topic a notice kind belongs to (the user's channel choices are per topic). */
export function topicOf(kind: string): NoticeTopic {
  return TOPIC_OF[kind] ?? 'other';
}

/** Red-deadline notices (overdue, 督办) go out at once, quiet hours or not. */
export function isUrgent(kind: string): boolean {
  return kind === 'case.supervise' || kind === 'case.overdue';
}

const SUBJECTS: Record<NoticeTopic, string> = {
  task: '待办提醒',
  progress: '问题办理进展',
  deadline: '超时预警',
  area: '区域订阅提醒',
  other: '通知',
};

export function subjectOf(kind: string): string {
  return `【网格治理】${kind === 'case.supervise' ? '督办通知' : SUBJECTS[topicOf(kind)]}`;
}
