import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Descriptions, Rate, Typography } from 'antd';
import { DISPATCH_LEVEL_LABELS_ZH, SOURCE_LABELS_ZH } from '../../../../contracts/case-labels.ts';
import type { CaseDetail } from '../types';
import { DeadlineTag } from './CaseTags';
import { RevealContactButton } from './RevealContactButton';
import { formatTime } from '../../../shared/time';

const when = (iso: string | null) => formatTime(iso);

function place(d: CaseDetail): string {
  const parts = [d.street.name, d.community.name, d.grid?.name].filter(Boolean).join(' / ');
  return d.location.address ? `${parts} · ${d.location.address}` : parts;
}

/** Name and masked phone; those handling the case may show the number whole (keyed by case, so it hides again on another case). */
function Reporter({ detail: d }: { detail: CaseDetail }) {
  const shown = [d.reporter.name, d.reporter.phone].filter(Boolean).join(' ') || '—';
  if (!d.reporter.canReveal) return <span data-testid="reporter">{shown}</span>;
  return (
    <span data-testid="reporter">
      {d.reporter.name} <RevealContactButton key={d.id} caseId={d.id} masked={d.reporter.phone} />
    </span>
  );
}

/** The case's facts; rows without a value are left out so a phone screen stays short. */
export function CaseFacts({ detail: d }: { detail: CaseDetail }) {
  const level = d.dispatchLevel
    ? ((DISPATCH_LEVEL_LABELS_ZH as Record<string, string>)[d.dispatchLevel] ?? '上会议事')
    : null;
  const items = [
    {
      key: 'desc',
      label: '问题描述',
      children: (
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{d.description}</Typography.Paragraph>
      ),
      span: 2,
    },
    { key: 'category', label: '类别', children: d.category?.name ?? '待分类' },
    { key: 'source', label: '来源', children: SOURCE_LABELS_ZH[d.source] },
    // Answers to the category's extra questions, one row each, as the reporter gave them.
    ...(d.answers ?? []).map((a) => ({
      key: `answer-${a.code}`,
      label: a.question,
      children: /^\d{4}-\d{2}-\d{2}T/.test(a.display) ? when(a.display) : a.display,
    })),
    { key: 'place', label: '位置', children: place(d), span: 2 },
    d.location.lng !== null &&
      d.location.lat !== null && {
        key: 'coords',
        label: '坐标',
        children: `${d.location.lng.toFixed(5)}, ${d.location.lat.toFixed(5)}`,
      },
    { key: 'reporter', label: '反映人', children: <Reporter detail={d} /> },
    { key: 'reported', label: '上报时间', children: when(d.reportedAt) },
    d.dueAt && {
      key: 'due',
      label: '本环节时限',
      children: (
        <span>
          {when(d.dueAt)} <DeadlineTag deadline={d.deadline} />
        </span>
      ),
    },
    level && { key: 'level', label: '派遣方式', children: level },
    d.department && { key: 'dept', label: '承办部门', children: d.department.name },
    d.escalationLevel ? { key: 'esc', label: '督办', children: `已提级督办 ${d.escalationLevel} 次` } : null,
    d.stateReason && { key: 'reason', label: '原因', children: d.stateReason, span: 2 },
    d.mergedIntoId && {
      key: 'merged',
      label: '已合并到',
      children: <Link to={`/cases/${d.mergedIntoId}`}>查看主案件</Link>,
    },
    d.score && {
      key: 'score',
      label: '评价',
      children: (
        <span>
          <Rate disabled value={d.score} style={{ fontSize: 14 }} /> {d.ratingComment}
        </span>
      ),
      span: 2,
    },
  ].filter((i) => Boolean(i)) as { key: string; label: string; children: ReactNode; span?: number }[];
  return <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }} items={items} />;
}
