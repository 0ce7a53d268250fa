import { Button, Card, Space, Table } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { fetchTeams, type Team } from '../api';
import { TeamFormModal } from '../components/TeamFormModal';

/** The community's volunteer teams with their leaders and totals; staff create and edit them here. */
export default function TeamsPage() {
  const teams = useAsync((s) => fetchTeams(s), []);
  // undefined: closed; null: a new team; a team: editing it.
  const [editing, setEditing] = useState<Team | null | undefined>(undefined);
  if (teams.error) return <ErrorAlert error={teams.error} onRetry={teams.reload} />;
  return (
    <Card
      title="志愿队伍"
      extra={
        <Button type="primary" onClick={() => setEditing(null)}>
          组建队伍
        </Button>
      }
    >
      <Table
        rowKey="id"
        size="small"
        loading={teams.loading}
        dataSource={teams.data}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: '还没有志愿队伍' }}
        columns={[
          { title: '队伍', dataIndex: 'name' },
          { title: '队长', dataIndex: 'leaderName', render: (n: string | null) => n ?? '—' },
          { title: '活动', dataIndex: 'activities' },
          { title: '服务人数', dataIndex: 'volunteers' },
          { title: '服务时长（小时）', dataIndex: 'hours' },
          {
            title: '',
            key: 'edit',
            render: (_: unknown, t: Team) => (
              <Space>
                <Button size="small" onClick={() => setEditing(t)}>
                  编辑
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <TeamFormModal
        key={editing === undefined ? 'closed' : (editing?.id ?? 'new')}
        team={editing ?? null}
        open={editing !== undefined}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          teams.reload();
        }}
      />
    </Card>
  );
}
