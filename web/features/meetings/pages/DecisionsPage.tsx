import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Form, Input, Progress, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMe } from '../../../app/session/SessionContext';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { createDecision, fetchDecisions } from '../api';
import { FormDialog } from '../components/FormDialog';
import { NodePicker } from '../components/NodePicker';
import { DECISION_STATUS_LABELS, DECISION_STEPS, DECISION_STEP_LABELS, nextStep } from '../decision-steps';
import type { Decision } from '../types';
import { useLiveEvents } from '../../cases/live';

const STATUS_COLOUR = { in_progress: 'blue', rejected: 'red', completed: 'green' } as const;

/** 四议两公开 records in scope, with how far each has come. */
export default function DecisionsPage() {
  const me = useMe();
  const list = useAsync((s) => fetchDecisions(s), []);
  useLiveEvents(['meeting.changed'], (m) => {
    if (m.reset || (m as { targetType?: string }).targetType === 'decision') list.reload();
  });
  const [creating, setCreating] = useState(false);
  const canWrite = me.abilities.includes('meetings.write');
  return (
    <Card
      title="四议两公开"
      extra={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建事项
          </Button>
        )
      }
    >
      {list.error ? (
        <ErrorAlert error={list.error} onRetry={list.reload} />
      ) : (
        <Table<Decision>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data}
          columns={[
            { title: '事项', dataIndex: 'title', render: (t: string, d) => <Link to={`/decisions/${d.id}`}>{t}</Link> },
            {
              title: '进度',
              render: (_, d) => (
                <Progress
                  size="small"
                  steps={DECISION_STEPS.length}
                  percent={Math.round((d.stepsDone / DECISION_STEPS.length) * 100)}
                  showInfo={false}
                />
              ),
            },
            {
              title: '下一步',
              render: (_, d) => {
                const next = nextStep(d);
                return next ? DECISION_STEP_LABELS[next] : '—';
              },
            },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: Decision['status']) => <Tag color={STATUS_COLOUR[s]}>{DECISION_STATUS_LABELS[s]}</Tag>,
            },
          ]}
        />
      )}
      {creating && (
        <FormDialog<{ communityId: number; title: string; summary: string }>
          title="新建四议两公开事项"
          okText="创建"
          fields={['communityId', 'title', 'summary']}
          initialValues={me.scope?.level === 'community' ? { communityId: me.scope.nodeId } : {}}
          onSubmit={createDecision}
          onClose={() => setCreating(false)}
          onDone={list.reload}
        >
          <Form.Item name="communityId" label="社区" rules={[{ required: true, message: '请选择社区' }]}>
            <NodePicker />
          </Form.Item>
          <Form.Item name="title" label="事项名称" rules={[{ required: true, message: '请填写事项名称' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="summary" label="事项内容" rules={[{ required: true, message: '请填写事项内容' }]}>
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>
        </FormDialog>
      )}
    </Card>
  );
}
