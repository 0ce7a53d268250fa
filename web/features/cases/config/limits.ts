import type { Limits } from '../config-api';

export const STEP_LABELS: [keyof Limits, string][] = [
  ['acceptMinutes', '受理'],
  ['signMinutes', '签收'],
  ['handleMinutes', '处置'],
  ['verifyMinutes', '核查'],
];

/** Working minutes as people say them: 7.5 h make a working day. */
export function describeMinutes(m: number | null | undefined): string {
  if (m === null || m === undefined) return '继承';
  if (m % 450 === 0) return `${m / 450} 个工作日`;
  if (m % 60 === 0) return `${m / 60} 小时`;
  return `${m} 分钟`;
}
