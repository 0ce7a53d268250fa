import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Form, Input, Space, Switch, Table, Tag } from 'antd';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { completeResolution, fetchResolutions } from '../api';
import type { Resolution } from '../types';
import { FormDialog } from './FormDialog';

export function ResolutionStatus({ r }: { r: Resolution }) {
  if (r.status === 'done') return <Tag color="green">已办结</Tag>;
  return r.overdue ? <Tag color="red">已逾期</Tag> : <Tag color="blue">办理中</Tag>;
}

/** Resolutions as tasks across the meetings in scope; "只看逾期" is the supervision view. */
export function ResolutionsTable({ canComplete }: { canComplete: boolean }) {
  const [overdue, setOverdue] = useState(true);
  const [completing, setCompleting] = useState<Resolution>();
  const list = useAsync((s) => fetchResolutions(overdue, s), [overdue]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Switch checked={overdue} onChange={setOverdue} /> 只看逾期未办结
      </Space>
      {list.error ? (
        <ErrorAlert error={list.error} onRetry={list.reload} />
      ) : (
        <Table<Resolution>
          rowKey="id"
          size="small"
          loading={list.loading}
          dataSource={list.data}
          locale={{ emptyText: overdue ? '没有逾期的决议' : '暂无决议' }}
          columns={[
            {
              title: '决议',
              dataIndex: 'text',
              render: (t: string, r) => <Link to={`/meetings/${r.meetingId}`}>{t}</Link>,
            },
            { title: '责任人', dataIndex: 'ownerName' },
            { title: '完成时限', dataIndex: 'dueOn' },
            { title: '状态', render: (_, r) => <ResolutionStatus r={r} /> },
            {
              title: '',
              render: (_, r) =>
                canComplete &&
                r.status === 'open' && (
                  <Button size="small" onClick={() => setCompleting(r)}>
                    办结
                  </Button>
                ),
            },
          ]}
        />
      )}
      {completing && (
        <CompleteResolutionDialog
          resolution={completing}
          onClose={() => setCompleting(undefined)}
          onDone={list.reload}
        />
      )}
    </Space>
  );
}

export function CompleteResolutionDialog({
  resolution,
  onClose,
  onDone,
}: {
  resolution: Resolution;
  onClose: () => void;
  onDone: () => void;
}) {
  return (
    <FormDialog<{ note: string }>
      title={`办结：${resolution.text}`}
      okText="办结"
      fields={['note']}
      onClose={onClose}
      onDone={onDone}
      onSubmit={(v) => completeResolution(resolution.id, v.note)}
    >
      <Form.Item name="note" label="落实情况" rules={[{ required: true, message: '请填写落实情况' }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormDialog>
  );
}
