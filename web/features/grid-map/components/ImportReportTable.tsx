import { Table, Tag, Typography } from 'antd';
import type { ImportFeatureReport } from '../types';

const ACTIONS: Record<ImportFeatureReport['action'], { label: string; color: string }> = {
  created: { label: '新建', color: 'green' },
  updated: { label: '更新', color: 'blue' },
  unchanged: { label: '无变化', color: 'default' },
  error: { label: '错误', color: 'red' },
};

const m2 = (v: number | null) => (v === null ? '—' : `${Math.round(v).toLocaleString('zh-CN')} ㎡`);

/** One row per feature of the file: what the import does with it and how much snapping changed. */
export function ImportReportTable({ features }: { features: ImportFeatureReport[] }) {
  return (
    <Table<ImportFeatureReport>
      rowKey="index"
      size="small"
      dataSource={features}
      pagination={features.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      rowClassName={(f) => (f.action === 'error' ? 'gh-import-error' : f.snappedM2 > 0 ? 'gh-import-snapped' : '')}
      columns={[
        { title: '序号', dataIndex: 'index', width: 64, render: (i: number) => i + 1 },
        {
          title: '编码',
          dataIndex: 'code',
          width: 160,
          render: (c: string | null) => c ?? <Typography.Text type="secondary">（自动编号）</Typography.Text>,
        },
        { title: '名称', dataIndex: 'name', width: 160, render: (n: string | null) => n ?? '—' },
        {
          title: '结果',
          dataIndex: 'action',
          width: 80,
          render: (a: ImportFeatureReport['action']) => <Tag color={ACTIONS[a].color}>{ACTIONS[a].label}</Tag>,
        },
        { title: '原面积', dataIndex: 'areaBeforeM2', width: 110, align: 'right', render: m2 },
        { title: '导入后面积', dataIndex: 'areaAfterM2', width: 110, align: 'right', render: m2 },
        {
          title: '拓扑修正',
          dataIndex: 'snappedM2',
          width: 100,
          align: 'right',
          render: (v: number) =>
            v > 0 ? (
              <Typography.Text type="warning" strong>
                {v < 10 ? v.toFixed(1) : Math.round(v)} ㎡
              </Typography.Text>
            ) : (
              '—'
            ),
        },
        {
          title: '说明',
          dataIndex: 'messages',
          render: (messages: string[], f) =>
            messages.length === 0 ? (
              '—'
            ) : (
              <ul className="gh-import-messages">
                {messages.map((m, i) => (
                  <li key={i}>
                    <Typography.Text type={f.action === 'error' ? 'danger' : undefined}>{m}</Typography.Text>
                  </li>
                ))}
              </ul>
            ),
        },
      ]}
    />
  );
}
