import { Card, Select, Space, Table } from 'antd';
import { useState } from 'react';
import type { BranchStudy } from '../../../../contracts/school.ts';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { TreeNodePicker } from '../../../shared/TreeNodePicker';
import { useAsync } from '../../../shared/use-async';
import { fetchCourses, fetchStats } from '../api';

/** 学习统计: per party branch under the chosen node — members, started, completed, examined, pass rate. */
export default function StatsPage() {
  const [nodeId, setNodeId] = useState<number>();
  const [courseId, setCourseId] = useState<number>();
  const courses = useAsync((s) => fetchCourses(s), []);
  const stats = useAsync((s) => fetchStats(nodeId, courseId, s), [nodeId, courseId]);
  return (
    <Card title="各支部学习统计">
      <Space wrap style={{ marginBottom: 12 }}>
        <div style={{ width: 280 }}>
          <TreeNodePicker
            value={nodeId}
            onChange={setNodeId}
            levels={['district', 'street', 'community', 'grid']}
            placeholder="统计范围（默认本级）"
          />
        </div>
        <Select
          allowClear
          style={{ width: 280 }}
          placeholder="全部课程"
          value={courseId}
          onChange={setCourseId}
          options={(courses.data ?? []).map((c) => ({ value: c.id, label: c.title }))}
        />
      </Space>
      {stats.error ? (
        <ErrorAlert error={stats.error} onRetry={stats.reload} />
      ) : (
        <Table<BranchStudy>
          rowKey="branchId"
          loading={stats.loading}
          dataSource={stats.data}
          scroll={{ x: true }}
          columns={[
            { title: '党组织', dataIndex: 'branchName' },
            { title: '党员', dataIndex: 'members' },
            { title: '参学', dataIndex: 'started' },
            { title: '学完', dataIndex: 'completed' },
            { title: '参考', dataIndex: 'examined' },
            { title: '合格', dataIndex: 'passed' },
            { title: '合格率', dataIndex: 'passRate', render: (v: number | null) => (v == null ? '—' : `${v}%`) },
            { title: '学习时长（分钟）', dataIndex: 'minutes' },
          ]}
        />
      )}
    </Card>
  );
}
