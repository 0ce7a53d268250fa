import { Space, Table, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import type { VoteResults } from '../api';

const ResultBarChart = lazy(() => import('./ResultBarChart'));
type ProjectResult = VoteResults['projects'][number];

const yuan = (n: number) => `${n.toLocaleString('zh-CN')} 元`;

/** Ranked projects (tied ones share a rank), which the money funds, and a bar chart of the votes. */
export function VoteResultsView({
  results,
  budgetCapYuan,
  chart = true,
}: {
  results: VoteResults;
  budgetCapYuan: number;
  chart?: boolean;
}) {
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text>
        共 {results.voters} 人投票 · 总预算 {yuan(budgetCapYuan)}
      </Typography.Text>
      <Table<ProjectResult>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={results.projects}
        scroll={{ x: true }}
        columns={[
          { title: '名次', dataIndex: 'rank', render: (r: number, p) => (p.tied ? `${r}（并列）` : r) },
          { title: '项目', dataIndex: 'title' },
          { title: '预算', dataIndex: 'budgetYuan', render: yuan },
          { title: '得票', dataIndex: 'votes' },
          {
            title: '结果',
            key: 'funded',
            render: (_: unknown, p) =>
              p.funded ? (
                <Tag color="green">入选</Tag>
              ) : p.tieAtCutoff ? (
                <Tag color="orange">平票待议</Tag>
              ) : (
                <Tag>未入选</Tag>
              ),
          },
        ]}
      />
      {results.projects.some((p) => p.tieAtCutoff) && (
        <Typography.Text type="warning">预算线处出现平票，剩余资金不足以同时支持，由社区议事会议决定。</Typography.Text>
      )}
      {chart && (
        <Suspense fallback={<div style={{ height: 120 }} />}>
          <ResultBarChart
            unit="票"
            label="得票统计图"
            bars={results.projects.map((p) => ({ name: p.title, value: p.votes }))}
          />
        </Suspense>
      )}
    </Space>
  );
}
