import { useState } from 'react';
import { Col, InputNumber, Row, Space, Statistic, Table } from 'antd';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { fetchAttendanceStats } from '../api';
import { ratePercent } from '../decision-steps';
import type { Tally } from '../types';
import { pickerNow } from '../../../shared/time';

const columns = (nameKey: 'displayName' | 'name', title: string) => [
  { title, dataIndex: nameKey },
  { title: '应到', dataIndex: 'expected' },
  { title: '签到', dataIndex: 'signedIn' },
  { title: '请假', dataIndex: 'excused' },
  { title: '缺席', dataIndex: 'absent' },
  {
    title: '出席率',
    dataIndex: 'rate',
    render: (r: number | null) => ratePercent(r),
    sorter: (a: Tally, b: Tally) => (a.rate ?? -1) - (b.rate ?? -1),
  },
];

/** Attendance of held meetings in the year: rate = signed in ÷ recorded (excused counts as not attending). */
export function AttendanceStatsCard() {
  const [year, setYear] = useState(() => pickerNow().year());
  const stats = useAsync((s) => fetchAttendanceStats(year, s), [year]);
  if (stats.error) return <ErrorAlert error={stats.error} onRetry={stats.reload} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        年度 <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
      </Space>
      <Statistic
        title="总体出席率（签到 ÷ 已登记）"
        value={ratePercent(stats.data?.overall.rate ?? null)}
        loading={stats.loading}
      />
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Table
            rowKey="partyOrgId"
            size="small"
            loading={stats.loading}
            dataSource={stats.data?.branches}
            columns={columns('name', '党组织')}
            pagination={false}
          />
        </Col>
        <Col xs={24} lg={12}>
          <Table
            rowKey="userId"
            size="small"
            loading={stats.loading}
            dataSource={stats.data?.people}
            columns={columns('displayName', '人员')}
            pagination={{ pageSize: 10 }}
          />
        </Col>
      </Row>
    </Space>
  );
}
