import { useState } from 'react';
import { App, Button, Card, Table, Tabs, Tag, Tooltip } from 'antd';
import { CHANNEL_LABELS, DELIVERY_STATUS_LABELS } from '../../../../contracts/notify.ts';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { errorMessage } from '../../../shared/api';
import { formatTime } from '../../../shared/time';
import { useAsync } from '../../../shared/use-async';
import { fetchDeliveries, resendDelivery, type Delivery } from '../api';

const STATUS_COLOURS: Record<Delivery['status'], string> = {
  queued: 'blue',
  deferred: 'purple',
  sending: 'cyan',
  retrying: 'orange',
  sent: 'green',
  dead: 'red',
};

/** 通知发送记录: every attempt to send a notice outside the app in this area, and the dead letters to re-send. */
export default function DeliveriesPage() {
  const { message } = App.useApp();
  const [tab, setTab] = useState<'all' | 'dead'>('all');
  const list = useAsync((signal) => fetchDeliveries(tab === 'dead' ? 'dead' : undefined, signal), [tab]);
  if (list.error) return <ErrorAlert error={list.error} onRetry={list.reload} />;
  const resend = async (id: number) => {
    try {
      await resendDelivery(id);
      message.success('已重新排队发送');
      list.reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <Card title="通知发送记录">
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as 'all' | 'dead')}
        items={[
          { key: 'all', label: '全部记录' },
          { key: 'dead', label: '死信（多次失败）' },
        ]}
      />
      <Table<Delivery>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 50 }}
        columns={[
          { key: 'createdAt', title: '时间', render: (_, d) => formatTime(d.createdAt) },
          {
            key: 'channel',
            title: '渠道',
            render: (_, d) => CHANNEL_LABELS[d.channel as keyof typeof CHANNEL_LABELS] ?? d.channel,
          },
          { key: 'recipient', title: '接收方', dataIndex: 'recipientMasked' },
          {
            key: 'subject',
            title: '通知',
            render: (_, d) => (
              <>
                {d.urgent && <Tag color="red">紧急</Tag>}
                {d.subject}
              </>
            ),
          },
          {
            key: 'status',
            title: '状态',
            render: (_, d) => <Tag color={STATUS_COLOURS[d.status]}>{DELIVERY_STATUS_LABELS[d.status]}</Tag>,
          },
          { key: 'attempts', title: '尝试次数', dataIndex: 'attempts' },
          {
            key: 'next',
            title: '下次/发送时间',
            render: (_, d) => formatTime(d.sentAt ?? d.nextAttemptAt),
          },
          {
            key: 'error',
            title: '错误',
            render: (_, d) =>
              d.lastError ? (
                <Tooltip title={d.lastError}>
                  <span>{d.lastError.slice(0, 24)}</span>
                </Tooltip>
              ) : (
                '—'
              ),
          },
          {
            key: 'op',
            title: '操作',
            render: (_, d) =>
              d.status === 'dead' ? (
                <Button size="small" onClick={() => void resend(d.id)}>
                  重新发送
                </Button>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
