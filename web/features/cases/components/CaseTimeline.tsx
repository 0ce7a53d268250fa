import { Rate, Space, Timeline, Typography } from 'antd';
import { ACTION_LABELS_ZH, DISPATCH_LEVEL_LABELS_ZH, STATE_LABELS_ZH } from '../../../../contracts/case-labels.ts';
import type { TimelineEvent } from '../types';
import { PhotoStrip } from './PhotoStrip';
import { formatTime } from '../../../shared/time';

/** Timeline actions that are not transitions of the case itself. */
const EXTRA_ACTIONS: Record<string, string> = { report: '上报', merge_in: '合并重复案件', supervise: '超时督办' };

function actionLabel(action: string): string {
  return (ACTION_LABELS_ZH as Record<string, string>)[action] ?? EXTRA_ACTIONS[action] ?? action;
}

const COLOURS: Record<string, string> = {
  reject: 'gray',
  return: 'orange',
  rework: 'red',
  reopen: 'red',
  close: 'green',
  rate: 'green',
  verify: 'green',
};

function Details({ e }: { e: TimelineEvent }) {
  const data = e.data ?? {};
  const level =
    typeof data.level === 'string' ? (DISPATCH_LEVEL_LABELS_ZH as Record<string, string>)[data.level] : undefined;
  return (
    <Space orientation="vertical" size={2}>
      <span>
        <strong>{actionLabel(e.action)}</strong>
        {e.toState && e.fromState !== e.toState && STATE_LABELS_ZH[e.toState] !== actionLabel(e.action) && (
          <Typography.Text type="secondary"> → {STATE_LABELS_ZH[e.toState]}</Typography.Text>
        )}
      </span>
      <Typography.Text type="secondary">
        {formatTime(e.at)} {e.actorName ?? '系统'}
      </Typography.Text>
      {level && <span>派遣方式：{level}</span>}
      {typeof data.minutes === 'number' && <span>延期：{Math.round((data.minutes / 60) * 10) / 10} 个工作小时</span>}
      {typeof data.score === 'number' && <Rate disabled value={data.score} style={{ fontSize: 14 }} />}
      {e.note && <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{e.note}</Typography.Paragraph>}
      <PhotoStrip ids={e.photoIds ?? []} size={56} />
    </Space>
  );
}

/** Every step of the case, oldest first: who, when, from which state, with what note and photos. */
export function CaseTimeline({ events }: { events: TimelineEvent[] }) {
  return (
    <Timeline
      aria-label="办理时间线"
      items={events.map((e) => ({ key: e.id, color: COLOURS[e.action] ?? 'blue', content: <Details e={e} /> }))}
    />
  );
}
