import { Tag } from 'antd';
import { PATROL_STATUS_LABELS_ZH, type PatrolStatus } from '../../../../contracts/patrols.ts';

const COLORS: Record<PatrolStatus, string> = {
  planned: 'blue',
  in_progress: 'orange',
  done: 'green',
  cancelled: 'default',
};

export function StatusTag({ status }: { status: PatrolStatus }) {
  return <Tag color={COLORS[status]}>{PATROL_STATUS_LABELS_ZH[status]}</Tag>;
}
