import { Descriptions, Table, Tag } from 'antd';
import { COLOUR_LABELS, GRADE_LABELS, type RunResult } from '../types';

const INPUT_LABELS: Record<string, string> = {
  ratingAvg: '居民评分均值',
  ratingCount: '居民评价数',
  handled: '处置事件数',
  onTimeHandled: '按期处置数',
  rated: '评价事件数',
  satisfied: '满意数',
  avgResponseMinutes: '平均响应（分钟）',
  voteAvg: '社区评议均值',
  votes: '评议社区数',
};

/** Property companies (红榜/黄榜) or departments (建议等次) with the inputs each score came from. */
export function ScoreResults({ results, kind }: { results: RunResult[]; kind: 'property_month' | 'department_year' }) {
  const outcome = (r: RunResult) =>
    kind === 'property_month' ? (
      <Tag color={r.outcome === 'red' ? 'red' : 'gold'}>{COLOUR_LABELS[r.outcome]}</Tag>
    ) : (
      <Tag color={r.outcome === 'fail' ? 'red' : 'blue'}>{GRADE_LABELS[r.outcome]}</Tag>
    );
  return (
    <Table<RunResult>
      rowKey="id"
      size="small"
      dataSource={results}
      pagination={false}
      expandable={{
        expandedRowRender: (r) => (
          <Descriptions
            size="small"
            column={3}
            items={Object.entries(r.inputs).map(([k, v]) => ({
              key: k,
              label: INPUT_LABELS[k] ?? k,
              children: v === null ? '无数据' : String(v),
            }))}
          />
        ),
      }}
      columns={[
        { title: kind === 'property_month' ? '物业公司' : '部门', dataIndex: 'subjectName' },
        { title: '得分', dataIndex: 'score' },
        { title: kind === 'property_month' ? '榜单' : '建议等次', render: (_, r) => outcome(r) },
        {
          title: '复算',
          dataIndex: 'reproduced',
          render: (ok: boolean) => (ok ? <Tag color="green">一致</Tag> : <Tag color="red">不一致</Tag>),
        },
      ]}
    />
  );
}
