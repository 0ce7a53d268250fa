import { App, Button, Card, Descriptions, Popconfirm, Space, Spin, Steps, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { STATE_LABELS_ZH } from '../../../../contracts/case-labels.ts';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { errorMessage } from '../../../shared/api';
import { formatTime } from '../../../shared/time';
import { useAsync } from '../../../shared/use-async';
import {
  changeStatus,
  fetchPlan,
  type PatrolFindingView,
  type PatrolPlanDetail,
  type PatrolStatusAction,
} from '../api';
import { PlanFormDialog } from '../components/PlanFormDialog';
import { StatusTag } from '../components/StatusTag';

const ACTIONS: { action: PatrolStatusAction; label: string; from: PatrolPlanDetail['status'][]; danger?: boolean }[] = [
  { action: 'start', label: '开始巡查', from: ['planned'] },
  { action: 'finish', label: '结束巡查', from: ['in_progress'] },
  { action: 'cancel', label: '取消巡查', from: ['planned', 'in_progress'], danger: true },
];

function ManageBar({ plan, onChanged }: { plan: PatrolPlanDetail; onChanged: () => void }) {
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const run = async (action: PatrolStatusAction) => {
    try {
      await changeStatus(plan.id, action);
      onChanged();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  return (
    <Space wrap>
      {plan.status === 'planned' && <Button onClick={() => setEditing(true)}>修改计划</Button>}
      {ACTIONS.filter((a) => a.from.includes(plan.status)).map((a) => (
        <Popconfirm key={a.action} title={`确定${a.label}？`} onConfirm={() => run(a.action)}>
          <Button danger={a.danger}>{a.label}</Button>
        </Popconfirm>
      ))}
      {editing && (
        <PlanFormDialog
          plan={plan}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onChanged();
          }}
        />
      )}
    </Space>
  );
}

const findingColumns = [
  { title: '时间', dataIndex: 'at', render: (t: string) => formatTime(t, 'MM-DD HH:mm') },
  { title: '上报人', dataIndex: 'displayName' },
  { title: '类别', dataIndex: 'categoryName' },
  { title: '描述', dataIndex: 'description' },
  {
    title: '案件',
    render: (_: unknown, f: PatrolFindingView) => (
      <Link to={`/cases/${f.caseId}`}>
        {f.caseNo}（{(STATE_LABELS_ZH as Record<string, string>)[f.caseState] ?? f.caseState}）
      </Link>
    ),
  },
];

/** One plan: its route with check-in progress, members, findings and the cases they became. */
export default function PatrolDetailPage() {
  const id = Number(useParams().id);
  const plan = useAsync((signal) => fetchPlan(id, signal), [id]);
  if (plan.error) return <ErrorAlert error={plan.error} onRetry={plan.reload} />;
  if (!plan.data) return <Spin />;
  const p = plan.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            {p.title}
            <StatusTag status={p.status} />
          </Space>
        }
        extra={
          <Space wrap>
            {p.isMember && (p.status === 'planned' || p.status === 'in_progress') && (
              <Link to={`/patrols/today?plan=${p.id}`}>去签到 / 上报</Link>
            )}
            <Link to={`/patrols/${p.id}/figures`}>巡查成效</Link>
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="范围">{p.scopeName}</Descriptions.Item>
          <Descriptions.Item label="时间">
            {formatTime(p.startsAt)} – {formatTime(p.endsAt, 'HH:mm')}
          </Descriptions.Item>
          <Descriptions.Item label="组织人">{p.organiserName}</Descriptions.Item>
          <Descriptions.Item label="网格覆盖">
            {p.gridsCovered} / {p.gridsPlanned}
          </Descriptions.Item>
          {p.note && <Descriptions.Item label="说明">{p.note}</Descriptions.Item>}
        </Descriptions>
        {p.mayManage && <ManageBar plan={p} onChanged={plan.reload} />}
      </Card>
      <Card title="巡查路线">
        <Steps
          direction="vertical"
          size="small"
          current={-1}
          items={p.route.map((r) => ({
            title: r.name,
            status: r.checkIns > 0 ? 'finish' : 'wait',
            description: `签到 ${r.checkIns} 人次，发现问题 ${r.findings} 件`,
          }))}
        />
      </Card>
      <Card title={`成员（${p.memberList.length}）`}>
        <Space wrap>
          {p.memberList.map((m) => (
            <Typography.Text key={m.userId} code>
              {m.displayName}
              {m.unit ? `·${m.unit}` : ''}
            </Typography.Text>
          ))}
        </Space>
      </Card>
      <Card title={`发现问题（${p.findingList.length}）`}>
        <Table<PatrolFindingView>
          rowKey="id"
          size="small"
          dataSource={p.findingList}
          columns={findingColumns}
          pagination={false}
          scroll={{ x: 700 }}
          locale={{ emptyText: '暂无发现问题' }}
        />
      </Card>
    </Space>
  );
}
