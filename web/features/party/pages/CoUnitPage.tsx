import { Card, DatePicker, Empty, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { ApiError } from '../../../shared/api';
import { useAsync } from '../../../shared/use-async';
import { fetchMyCoUnit, fetchSentMembers, type SentMember } from '../api';
import { pickerDate, pickerNow } from '../../../shared/time';

const STATE = { pending: ['orange', '待社区确认'], confirmed: ['green', '已报到'] } as Record<string, [string, string]>;

/** A co-building unit's page: the in-service members it sent and their community service this year. */
export default function CoUnitPage() {
  const unit = useAsync((s) => fetchMyCoUnit(s), []);
  const [year, setYear] = useState(() => pickerNow().year());
  const [page, setPage] = useState(1);
  const members = useAsync(
    (s) => (unit.data ? fetchSentMembers(unit.data.id, year, page, s) : Promise.resolve(null)),
    [unit.data?.id, year, page],
  );
  if (unit.error instanceof ApiError && unit.error.status === 404)
    return (
      <Card>
        <Empty description="该账号尚未关联共建单位，请联系街道管理员" />
      </Card>
    );
  if (unit.error) return <ErrorAlert error={unit.error} onRetry={unit.reload} />;
  const rows = members.data?.data ?? [];
  const sum = (f: (m: SentMember) => number) => Math.round(rows.reduce((s, m) => s + f(m), 0) * 10) / 10;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        loading={unit.loading}
        title={unit.data ? `${unit.data.name} · 派出党员社区服务情况` : '派出党员'}
        extra={
          <DatePicker
            picker="year"
            allowClear={false}
            value={pickerDate(`${year}-01-01`)}
            onChange={(d) => {
              if (d) {
                setYear(d.year());
                setPage(1);
              }
            }}
          />
        }
      >
        <Space size="large" wrap>
          <Statistic title="派出在职党员" value={members.data?.page.total ?? 0} />
          <Statistic title={`${year} 年积分（本页）`} value={sum((m) => m.points.year)} />
          <Statistic title={`${year} 年志愿服务（小时，本页）`} value={sum((m) => m.hours.year)} />
        </Space>
      </Card>
      {members.error ? (
        <ErrorAlert error={members.error} onRetry={members.reload} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={members.loading}
          dataSource={rows}
          locale={{ emptyText: '暂无登记在本单位的在职党员' }}
          pagination={{ current: page, pageSize: 50, total: members.data?.page.total ?? 0, onChange: setPage }}
          columns={[
            { title: '姓名', dataIndex: 'name' },
            { title: '报到社区', dataIndex: 'communityName' },
            { title: '所在支部', dataIndex: 'branchName' },
            {
              title: '状态',
              dataIndex: 'registrationState',
              render: (s: string | null) =>
                s && STATE[s] ? <Tag color={STATE[s][0]}>{STATE[s][1]}</Tag> : <Tag>在册</Tag>,
            },
            { title: '认领岗位', dataIndex: 'posts', render: (p: string[]) => (p.length ? p.join('、') : '—') },
            {
              title: `${year} 年积分`,
              key: 'py',
              render: (_: unknown, m: SentMember) => `${m.points.year}（${m.records} 条记录）`,
            },
            { title: '累计积分', key: 'pt', render: (_: unknown, m: SentMember) => m.points.total },
            { title: `${year} 年服务时长`, key: 'hy', render: (_: unknown, m: SentMember) => `${m.hours.year} 小时` },
          ]}
        />
      )}
    </Space>
  );
}
