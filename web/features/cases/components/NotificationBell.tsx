import { useNavigate } from 'react-router-dom';
import { App, Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useAsync } from '../../../shared/use-async';
import { fetchNotifications, markNotificationsRead } from '../api';
import { useLiveEvents } from '../live';
import type { Notification } from '../types';
import { formatTime } from '../../../shared/time';

/** The header's bell: unread count, the latest messages, kept current over /api/events. */
export function NotificationBell() {
  const navigate = useNavigate();
  const { notification } = App.useApp();
  const list = useAsync((signal) => fetchNotifications(signal), []);
  useLiveEvents(['notification'], (m) => {
    list.reload();
    if (m.text) notification.info({ title: '新消息', description: m.text, placement: 'bottomRight' });
  });
  const unread = list.data?.unread ?? 0;

  const open = async (n: Notification) => {
    if (!n.readAt) await markNotificationsRead([n.id]).catch(() => undefined);
    list.reload();
    if (n.caseId) void navigate(`/cases/${n.caseId}`);
  };
  const readAll = async () => {
    await markNotificationsRead().catch(() => undefined);
    list.reload();
  };

  const content = (
    <div style={{ width: 'min(340px, 86vw)' }}>
      <List
        size="small"
        dataSource={list.data?.data ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无消息" /> }}
        style={{ maxHeight: 360, overflow: 'auto' }}
        renderItem={(n) => (
          <List.Item style={{ cursor: 'pointer', opacity: n.readAt ? 0.6 : 1 }} onClick={() => void open(n)}>
            <List.Item.Meta
              title={<Typography.Text strong={!n.readAt}>{n.text}</Typography.Text>}
              description={formatTime(n.createdAt, 'MM-DD HH:mm')}
            />
          </List.Item>
        )}
      />
      {unread > 0 && (
        <Button type="link" block onClick={() => void readAll()}>
          全部标为已读
        </Button>
      )}
    </div>
  );

  return (
    <Popover trigger="click" placement="bottomRight" title="消息通知" content={content}>
      <Badge count={unread} size="small" overflowCount={99}>
        <Button
          shape="circle"
          icon={<BellOutlined />}
          aria-label={unread ? `消息通知，${unread} 条未读` : '消息通知'}
        />
      </Badge>
    </Popover>
  );
}
