import { lazy, Suspense, useState } from 'react';
import { Button, Card, DatePicker, Empty, Select, Space, Spin } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { fetchIndicators, indicatorParams, type IndicatorQuery } from '../api';
import { IndicatorsTable } from '../components/IndicatorsTable';
import { SuggestionAcceptanceNote } from '../components/SuggestionAcceptanceNote';
import type { GroupBy } from '../types';
import { pickerNow } from '../../../shared/time';

const IndicatorsChart = lazy(() => import('../components/IndicatorsChart'));

const GROUPS: { value: GroupBy; label: string }[] = [
  { value: 'grid', label: '按网格' },
  { value: 'community', label: '按社区' },
  { value: 'street', label: '按街道' },
  { value: 'department', label: '按职能部门' },
  { value: 'category', label: '按案件类别' },
];

/** 考核指标: the national loop's standard measures for the user's area and a period. */
export default function IndicatorsPage() {
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [pickerNow().startOf('month'), pickerNow()]);
  const [groupBy, setGroupBy] = useState<GroupBy>('community');
  // Periods are Shanghai calendar dates, whatever the browser's zone.
  const now = pickerNow();
  const query: IndicatorQuery = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), groupBy };
  const result = useAsync((signal) => fetchIndicators(query, signal), [query.from, query.to, groupBy]);
  const exportUrl = (format: 'xlsx' | 'csv') => `/api/cases/indicators?${indicatorParams(query)}&format=${format}`;

  return (
    <Card
      title="案件考核指标"
      extra={
        result.data && (
          <Space>
            <Button icon={<DownloadOutlined />} href={exportUrl('xlsx')}>
              导出 Excel
            </Button>
            <Button icon={<DownloadOutlined />} href={exportUrl('csv')}>
              导出 CSV
            </Button>
          </Space>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          aria-label="统计周期"
          value={range}
          allowClear={false}
          presets={[
            { label: '本月', value: [now.startOf('month'), now] },
            {
              label: '上月',
              value: [now.subtract(1, 'month').startOf('month'), now.subtract(1, 'month').endOf('month')],
            },
            { label: '本季度', value: [now.startOf('month').subtract(now.month() % 3, 'month'), now] },
            { label: '本年', value: [now.startOf('year'), now] },
          ]}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
        />
        <Select aria-label="统计维度" value={groupBy} options={GROUPS} onChange={setGroupBy} style={{ width: 140 }} />
        <SuggestionAcceptanceNote />
      </Space>
      {result.error ? (
        <ErrorAlert error={result.error} onRetry={result.reload} />
      ) : result.loading && !result.data ? (
        <Spin style={{ display: 'block', margin: '48px auto' }} />
      ) : !result.data ? (
        <Empty description="考核指标服务暂未开放" />
      ) : !result.data.rows.length ? (
        <Empty description="该周期内没有案件" />
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Suspense fallback={<Spin />}>
            <IndicatorsChart rows={result.data.rows} />
          </Suspense>
          <IndicatorsTable rows={result.data.rows} totals={result.data.totals} />
        </Space>
      )}
    </Card>
  );
}
