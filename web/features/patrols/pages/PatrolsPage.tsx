import { Button, Card, Space, Table, Tabs } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { hasAbility, useMe } from '../../../app/session/SessionContext';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { formatTime } from '../../../shared/time';
import { useAsync } from '../../../shared/use-async';
import { fetchPlans, type PatrolPlanSummary, type PatrolStatus } from '../api';
import { PlanFormDialog } from '../components/PlanFormDialog';
import { StatusTag } from '../components/StatusTag';

/** 联合巡查: planners see every plan in their scope, members the plans they walk. */
export default function PatrolsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const mayPlan = hasAbility(me, 'patrols.plan');
  const [view, setView] = useState<'all' | 'mine'>(mayPlan ? 'all' : 'mine');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useAsync((signal) => fetchPlans(view, page, signal), [view, page]);
  const columns = [
    {
      title: '巡查主题',
      dataIndex: 'title',
      render: (title: string, p: PatrolPlanSummary) => <Link to={`/patrols/${p.id}`}>{title}</Link>,
    },
    { title: '范围', dataIndex: 'scopeName' },
    {
      title: '时间',
      render: (_: unknown, p: PatrolPlanSummary) => `${formatTime(p.startsAt)} – ${formatTime(p.endsAt, 'HH:mm')}`,
    },
    {
      title: '状态',
      dataIndex: 'status',
      render: (s: PatrolStatus) => <StatusTag status={s} />,
    },
    { title: '成员', dataIndex: 'members' },
    {
      title: '网格覆盖',
      render: (_: unknown, p: PatrolPlanSummary) => `${p.gridsCovered} / ${p.gridsPlanned}`,
    },
    { title: '发现问题', dataIndex: 'findings' },
    { title: '组织人', dataIndex: 'organiserName' },
    {
      title: '操作',
      render: (_: unknown, p: PatrolPlanSummary) => (
        <Space>
          <Link to={`/patrols/${p.id}`}>详情</Link>
          <Link to={`/patrols/${p.id}/figures`}>成效</Link>
        </Space>
      ),
    },
  ];
  return (
    <Card
      title="联合巡查"
      extra={
        <Space>
          {hasAbility(me, 'patrols.join') && <Button onClick={() => navigate('/patrols/today')}>今日巡查</Button>}
          {mayPlan && (
            <Button type="primary" onClick={() => setCreating(true)}>
              新建巡查
            </Button>
          )}
        </Space>
      }
    >
      <Tabs
        activeKey={view}
        onChange={(key) => {
          setView(key as 'all' | 'mine');
          setPage(1);
        }}
        items={[...(mayPlan ? [{ key: 'all', label: '全部计划' }] : []), { key: 'mine', label: '我参加的' }]}
      />
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<PatrolPlanSummary>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.data ?? []}
        columns={columns}
        scroll={{ x: 900 }}
        locale={{ emptyText: '暂无巡查计划' }}
        pagination={{ current: page, total: list.data?.page.total ?? 0, pageSize: 20, onChange: setPage }}
      />
      {creating && <PlanFormDialog onClose={() => setCreating(false)} onSaved={(id) => navigate(`/patrols/${id}`)} />}
    </Card>
  );
}
