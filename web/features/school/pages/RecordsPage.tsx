import { Link } from 'react-router-dom';
import { Card, Table, Tag } from 'antd';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { formatDate } from '../../../shared/time';
import { useAsync } from '../../../shared/use-async';
import { fetchRecords, type MyRecord } from '../api';

/** 我的学习档案: every course started, progress, time, best score and attempts. */
export default function RecordsPage() {
  const records = useAsync((s) => fetchRecords(s), []);
  if (records.error) return <ErrorAlert error={records.error} onRetry={records.reload} />;
  return (
    <Card title="我的学习档案">
      <Table<MyRecord>
        rowKey="courseId"
        loading={!records.data}
        dataSource={records.data}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: '课程', dataIndex: 'title', render: (t, r) => <Link to={`/school/${r.courseId}`}>{t}</Link> },
          { title: '开始学习', dataIndex: 'startedAt', render: (v: string) => formatDate(v) },
          { title: '进度', dataIndex: 'progress', render: (v: number) => `${v}%` },
          { title: '学习时长', dataIndex: 'minutes', render: (v: number) => `${v} 分钟` },
          { title: '最高分', dataIndex: 'bestScore', render: (v: number | null) => v ?? '—' },
          { title: '考试次数', dataIndex: 'attempts' },
          {
            title: '状态',
            render: (_, r) =>
              r.passedAt ? (
                <Tag color="green">{formatDate(r.passedAt)} 合格</Tag>
              ) : r.completedAt ? (
                <Tag color="blue">已学完</Tag>
              ) : (
                <Tag>学习中</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}
