import { App, Button, Table, Tag } from 'antd';
import { errorMessage } from '../../../shared/api';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { fetchSessions, revokeSession } from '../api';
import type { SessionInfo } from '../types';
import { formatTime } from '../../../shared/time';

const at = (iso: string) => formatTime(iso);

/** The account's signed-in sessions; any other one can be signed out from here. */
export function SessionsCard() {
  const { message } = App.useApp();
  const sessions = useAsync((signal) => fetchSessions(signal), []);
  if (sessions.error) return <ErrorAlert error={sessions.error} onRetry={sessions.reload} />;
  return (
    <Table<SessionInfo>
      rowKey="id"
      size="small"
      loading={sessions.loading}
      dataSource={sessions.data ?? []}
      pagination={false}
      columns={[
        {
          title: '会话',
          dataIndex: 'id',
          render: (id: string, s) => (
            <>
              {id}
              {s.current && (
                <Tag color="blue" style={{ marginLeft: 8 }}>
                  当前
                </Tag>
              )}
            </>
          ),
        },
        { title: '登录时间', dataIndex: 'createdAt', render: at },
        { title: '到期时间', dataIndex: 'expiresAt', render: at },
        {
          title: '操作',
          render: (_, s) =>
            s.current ? null : (
              <Button
                type="link"
                danger
                onClick={() =>
                  revokeSession(s.id).then(
                    () => {
                      message.success('已注销该会话');
                      sessions.reload();
                    },
                    (e: unknown) => message.error(errorMessage(e)),
                  )
                }
              >
                注销
              </Button>
            ),
        },
      ]}
    />
  );
}
