import { Link } from 'react-router-dom';
import { Card, Table, Tag } from 'antd';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { usePagedList } from '../components/use-paged-list';
import type { RevealLogEntry } from '../types';
import { formatTime } from '../../../shared/time';

const ACTIONS: Record<string, { label: string; color: string }> = {
  'people.reveal': { label: '查看完整信息', color: 'orange' },
  'people.export': { label: '导出（脱敏）', color: 'blue' },
  'people.export.reveal': { label: '导出（完整）', color: 'red' },
  // A case's reporter phone, revealed by someone handling the case (cases module).
  'cases.reveal_contact': { label: '查看反映人电话', color: 'volcano' },
};

/** Whose data: a resident's name, a case (linked), or the exported list. */
function target(e: RevealLogEntry) {
  if (e.targetType === 'case' && e.targetId)
    return <Link to={`/cases/${e.targetId}`}>{String(e.summary.name ?? `案件 #${e.targetId}`)}</Link>;
  return String(e.summary.name ?? (e.targetId ? `#${e.targetId}` : '列表'));
}

/** The community secretary's review of who saw or exported personal data, and why. */
export default function RevealLogPage() {
  const list = usePagedList<RevealLogEntry>('/api/people/reveal-log');
  return (
    <Card title="个人信息查看与导出记录（含案件反映人电话）">
      {list.error !== undefined ? (
        <ErrorAlert error={list.error} onRetry={list.reload} />
      ) : (
        <Table<RevealLogEntry>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.data}
          pagination={list.pagination}
          columns={[
            { title: '时间', dataIndex: 'at', width: 180, render: (v: string) => formatTime(v, 'YYYY-MM-DD HH:mm:ss') },
            {
              title: '操作',
              dataIndex: 'action',
              width: 130,
              render: (a: string) => <Tag color={ACTIONS[a]?.color}>{ACTIONS[a]?.label ?? a}</Tag>,
            },
            { title: '操作人', dataIndex: 'actor', width: 100 },
            { title: '对象', key: 'target', render: (_: unknown, e: RevealLogEntry) => target(e) },
            {
              title: '原因',
              key: 'reason',
              render: (_: unknown, e: RevealLogEntry) => String(e.summary.reason ?? '—'),
            },
          ]}
        />
      )}
    </Card>
  );
}
