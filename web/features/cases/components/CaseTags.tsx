import { Tag } from 'antd';
import { STATE_LABELS_ZH } from '../../../../contracts/case-labels.ts';
import type { CaseState, Deadline } from '../types';

const STATE_COLOURS: Record<CaseState, string> = {
  reported: 'orange',
  accepted: 'blue',
  rejected: 'default',
  merged: 'default',
  dispatched: 'geekblue',
  signed: 'cyan',
  extension_requested: 'gold',
  handled: 'purple',
  verified: 'lime',
  closed: 'green',
  rated: 'green',
  parked: 'volcano',
  on_agenda: 'magenta',
};

export function StateTag({ state }: { state: CaseState }) {
  return <Tag color={STATE_COLOURS[state]}>{STATE_LABELS_ZH[state]}</Tag>;
}

const DEADLINE: Record<Exclude<Deadline, null>, { color: string; label: string }> = {
  green: { color: 'success', label: '正常' },
  yellow: { color: 'warning', label: '临期' },
  red: { color: 'error', label: '超时' },
};

/** The 红黄绿灯 of the digital-urban-management loop; nothing for cases without a running timer. */
export function DeadlineTag({ deadline }: { deadline: Deadline }) {
  if (!deadline) return null;
  const d = DEADLINE[deadline];
  return <Tag color={d.color}>{d.label}</Tag>;
}
