import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, Empty, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { CloudSyncOutlined } from '@ant-design/icons';
import { useMe } from '../../../app/session/SessionContext';
import { formatTime } from '../../../shared/time';
import { EditQueuedReport } from '../components/EditQueuedReport';
import { outbox, QUEUE_STATE_LABELS, type QueuedReport, type QueueState } from '../queue-store';
import { useOutbox, useOutboxSync } from '../use-outbox';

const STATE_COLOURS: Record<QueueState, string> = {
  pending: 'default',
  syncing: 'processing',
  failed: 'error',
  synced: 'success',
};

/** 待同步: what was filed on this phone, its state, and what the worker can do about each. */
export default function OutboxPage() {
  const me = useMe();
  const { message } = App.useApp();
  const { items, unsent } = useOutbox(me.id);
  const { syncNow, retry } = useOutboxSync(me.id);
  const [editing, setEditing] = useState<QueuedReport | null>(null);
  const [syncing, setSyncing] = useState(false);

  const syncEverything = async () => {
    if (!navigator.onLine) {
      message.warning('当前无网络，恢复网络后再同步');
      return;
    }
    setSyncing(true);
    await syncNow(true).finally(() => setSyncing(false));
  };
  const clearSynced = async () => {
    for (const r of items) if (r.state === 'synced') await outbox.remove(r.clientRef);
  };

  return (
    <Card
      title={`待同步上报（${unsent}）`}
      extra={
        <Space wrap>
          <Button
            type="primary"
            icon={<CloudSyncOutlined />}
            loading={syncing}
            disabled={unsent === 0}
            onClick={() => void syncEverything()}
            data-testid="outbox-sync"
          >
            立即同步
          </Button>
          {items.some((r) => r.state === 'synced') && <Button onClick={() => void clearSynced()}>清除已同步</Button>}
        </Space>
      }
    >
      <List
        dataSource={items}
        locale={{ emptyText: <Empty description="没有待同步的上报" /> }}
        renderItem={(r) => (
          <List.Item
            data-testid="outbox-item"
            actions={
              r.state === 'synced' || r.state === 'syncing'
                ? []
                : [
                    <Button key="retry" size="small" onClick={() => void retry(r.clientRef)}>
                      重试
                    </Button>,
                    <Button key="edit" size="small" onClick={() => setEditing(r)}>
                      修改
                    </Button>,
                    <Popconfirm
                      key="discard"
                      title="放弃这条上报？照片和内容将从手机上删除"
                      onConfirm={() => void outbox.remove(r.clientRef)}
                    >
                      <Button size="small" danger>
                        放弃
                      </Button>
                    </Popconfirm>,
                  ]
            }
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <Tag color={STATE_COLOURS[r.state]} data-testid="outbox-state">
                    {QUEUE_STATE_LABELS[r.state]}
                  </Tag>
                  <span>{r.input.title}</span>
                </Space>
              }
              description={<QueuedFacts report={r} />}
            />
          </List.Item>
        )}
      />
      <EditQueuedReport report={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}

function QueuedFacts({ report: r }: { report: QueuedReport }) {
  return (
    <Space orientation="vertical" size={2}>
      <span>
        现场记录于 {formatTime(r.takenAt)} · 照片 {r.photos.length} 张
      </span>
      {r.error && (
        <Typography.Text type={r.state === 'failed' ? 'danger' : 'secondary'} data-testid="outbox-error">
          {r.state === 'failed' ? `失败原因：${r.error}` : r.error}
        </Typography.Text>
      )}
      {r.caseId && (
        <Link to={`/cases/${r.caseId}`} data-testid="outbox-case">
          案件编号 {r.caseNo}
        </Link>
      )}
    </Space>
  );
}
