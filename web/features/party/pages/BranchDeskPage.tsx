import { App, Button, Card, Col, DatePicker, Empty, List, Row, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useMe } from '../../../app/session/SessionContext';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { errorMessage } from '../../../shared/api';
import { useAsync } from '../../../shared/use-async';
import {
  decideClaim,
  decideRegistration,
  fetchAlerts,
  fetchBranches,
  fetchClaims,
  fetchHonorList,
  fetchMembers,
  fetchRegistrations,
  publishHonorList,
  remindAlert,
} from '../api';
import { RegistrationsCard } from '../components/RegistrationsCard';
import { pickerDate, pickerNow } from '../../../shared/time';

const KIND = { regular: '在册', in_service: '在职', retired: '离退休', floating: '流动' } as Record<string, string>;

/** The branch secretary's desk: members, post approvals, alerts to act on, the red/yellow list to confirm. */
export default function BranchDeskPage() {
  const { message } = App.useApp();
  const me = useMe();
  const scopeId = me.scope?.nodeId ?? 0;
  const branches = useAsync((s) => fetchBranches(scopeId, s), [scopeId]);
  const [branchId, setBranchId] = useState<number>();
  const current = branchId ?? branches.data?.[0]?.id;
  const [month, setMonth] = useState(() => pickerNow().subtract(1, 'month').format('YYYY-MM'));
  const members = useAsync((s) => (current ? fetchMembers(current, s) : Promise.resolve([])), [current]);
  const claims = useAsync((s) => (current ? fetchClaims(current, s) : Promise.resolve([])), [current]);
  const alerts = useAsync((s) => (current ? fetchAlerts(current, s) : Promise.resolve([])), [current]);
  const honor = useAsync(
    (s) => (current ? fetchHonorList(current, month, s) : Promise.resolve(null)),
    [current, month],
  );
  const run = (work: Promise<unknown>, ok: string, reload: () => void) =>
    work.then(
      () => {
        message.success(ok);
        reload();
      },
      (e: unknown) => message.error(errorMessage(e)),
    );
  if (branches.error) return <ErrorAlert error={branches.error} onRetry={branches.reload} />;
  if (branches.data && !branches.data.length)
    return (
      <Card>
        <Empty description="您的管辖范围内没有网格党支部" />
      </Card>
    );
  const list = honor.data?.data.published?.snapshot ?? honor.data?.data.computed;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Select
        style={{ minWidth: 320 }}
        loading={branches.loading}
        value={current}
        onChange={setBranchId}
        options={branches.data?.map((b) => ({ value: b.id, label: b.name }))}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={`党员名册（${members.data?.length ?? 0}）`} size="small">
            <Table
              rowKey="id"
              size="small"
              loading={members.loading}
              dataSource={members.data}
              pagination={{ pageSize: 10 }}
              columns={[
                { title: '姓名', dataIndex: 'name' },
                { title: '类别', dataIndex: 'kind', render: (k: string) => KIND[k] },
                { title: '职务', dataIndex: 'duty', render: (d: string) => (d === 'secretary' ? '支部书记' : '党员') },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="认岗审批" size="small">
            <List
              size="small"
              loading={claims.loading}
              dataSource={claims.data ?? []}
              locale={{ emptyText: '没有待审批的认岗申请' }}
              renderItem={(c) => (
                <List.Item
                  actions={[
                    <Button
                      key="a"
                      size="small"
                      type="primary"
                      onClick={() => run(decideClaim(c.claimId, 'approve'), '已批准', claims.reload)}
                    >
                      批准
                    </Button>,
                    <Button
                      key="r"
                      size="small"
                      onClick={() => run(decideClaim(c.claimId, 'reject'), '已驳回', claims.reload)}
                    >
                      驳回
                    </Button>,
                  ]}
                >
                  {c.memberName} 认领「{c.postName}」
                </List.Item>
              )}
            />
          </Card>
          <Card title="积分预警（待提醒）" size="small" style={{ marginTop: 16 }}>
            <List
              size="small"
              loading={alerts.loading}
              dataSource={alerts.data ?? []}
              locale={{ emptyText: '暂无预警' }}
              renderItem={(a) => (
                <List.Item
                  actions={[
                    <Button key="m" size="small" onClick={() => run(remindAlert(a.id), '已记录提醒', alerts.reload)}>
                      已提醒
                    </Button>,
                  ]}
                >
                  {a.memberName}：{a.periodKey} 已得 {a.points} 分，应得 {a.expected} 分（目标 {a.target}）
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Card
            size="small"
            title="月度红黄榜"
            extra={
              <Space>
                <DatePicker
                  picker="month"
                  allowClear={false}
                  value={pickerDate(`${month}-01`)}
                  onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
                />
                {honor.data?.data.published ? (
                  <Tag color="green">已发布</Tag>
                ) : (
                  honor.data?.abilities.includes('publish') &&
                  current && (
                    <Button
                      type="primary"
                      onClick={() => run(publishHonorList(current, month), '红黄榜已发布', honor.reload)}
                    >
                      确认发布
                    </Button>
                  )
                )}
              </Space>
            }
          >
            {honor.error ? (
              <ErrorAlert error={honor.error} />
            ) : (
              <Row gutter={16}>
                <Col span={12}>
                  <List
                    header={<Tag color="red">红榜</Tag>}
                    size="small"
                    dataSource={list?.red ?? []}
                    renderItem={(e) => (
                      <List.Item extra={`${e.points} 分`}>
                        第 {e.rank} 名 {e.name}
                      </List.Item>
                    )}
                  />
                </Col>
                <Col span={12}>
                  <List
                    header={<Tag color="gold">黄榜（平均 {list?.average ?? 0} 分）</Tag>}
                    size="small"
                    dataSource={list?.yellow ?? []}
                    renderItem={(e) => <List.Item extra={`${e.points} 分`}>{e.name}</List.Item>}
                  />
                </Col>
              </Row>
            )}
          </Card>
        </Col>
        {me.scope?.level === 'community' && (
          <Col xs={24}>
            <RegistrationsCard
              load={(s) => fetchRegistrations(scopeId, s)}
              decide={(id, d, v) => decideRegistration(id, d, v)}
            />
          </Col>
        )}
      </Row>
    </Space>
  );
}
