import type { ReactNode } from 'react';
import { Table, type TableColumnsType } from 'antd';
import type { IndicatorRow } from '../types';

type RateKey =
  | 'onTimeAcceptRate'
  | 'onTimeHandleRate'
  | 'onTimeCloseRate'
  | 'reworkRate'
  | 'returnRate'
  | 'verifyPassRate'
  | 'satisfactionRate';
interface Measure {
  key: string;
  title: string;
  value: (r: IndicatorRow) => ReactNode;
  sort: (r: IndicatorRow) => number;
}

const count = (key: 'reported' | 'accepted' | 'closed', title: string): Measure => ({
  key,
  title,
  value: (r) => r[key],
  sort: (r) => r[key],
});
const rate = (key: RateKey, title: string): Measure => ({
  key,
  title,
  value: (r) => (r[key] === null ? '—' : `${(r[key] * 100).toFixed(1)}%`),
  sort: (r) => r[key] ?? -1,
});

const MEASURES: Measure[] = [
  count('reported', '上报数'),
  count('accepted', '立案数'),
  count('closed', '结案数'),
  rate('onTimeAcceptRate', '按期受理率'),
  rate('onTimeHandleRate', '按期处置率'),
  rate('onTimeCloseRate', '按期结案率'),
  rate('reworkRate', '返工率'),
  rate('returnRate', '回退率'),
  rate('verifyPassRate', '核查通过率'),
  rate('satisfactionRate', '满意率'),
  {
    key: 'avgHandleHours',
    title: '平均处置时长',
    value: (r) => (r.avgHandleHours === null ? '—' : `${r.avgHandleHours.toFixed(1)} 小时`),
    sort: (r) => r.avgHandleHours ?? -1,
  },
];

const columns: TableColumnsType<IndicatorRow> = [
  { key: 'name', dataIndex: 'name', title: '名称', fixed: 'left', width: 140 },
  ...MEASURES.map((m) => ({
    key: m.key,
    title: m.title,
    align: 'right' as const,
    render: (_: unknown, r: IndicatorRow) => m.value(r),
    sorter: (a: IndicatorRow, b: IndicatorRow) => m.sort(a) - m.sort(b),
  })),
];

/** The standard indicators per row, with the totals as the summary line. */
export function IndicatorsTable({ rows, totals }: { rows: IndicatorRow[]; totals: IndicatorRow }) {
  return (
    <Table<IndicatorRow>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 1300 }}
      summary={() => (
        <Table.Summary fixed>
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
            {MEASURES.map((m, i) => (
              <Table.Summary.Cell key={m.key} index={i + 1} align="right">
                {m.value(totals)}
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}
