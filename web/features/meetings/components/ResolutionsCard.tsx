import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, List, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { addResolution } from '../api';
import type { MeetingDetail, Resolution } from '../types';
import { FormDialog } from './FormDialog';
import { CompleteResolutionDialog, ResolutionStatus } from './ResolutionsTable';

type Values = { agendaItemId?: number; text: string; ownerName: string; dueOn: Dayjs };

/** Resolutions of this meeting, each a task with owner and due date; recorded once minutes exist. */
export function ResolutionsCard({
  meeting,
  canWrite,
  onChanged,
}: {
  meeting: MeetingDetail;
  canWrite: boolean;
  onChanged: () => void;
}) {
  const [adding, setAdding] = useState(false);
  const [completing, setCompleting] = useState<Resolution>();
  const held = meeting.status === 'held';
  return (
    <Card
      size="small"
      title="决议"
      extra={
        canWrite && (
          <Button
            size="small"
            disabled={!held}
            title={held ? undefined : '请先记录会议纪要'}
            onClick={() => setAdding(true)}
          >
            登记决议
          </Button>
        )
      }
    >
      <List
        size="small"
        dataSource={meeting.resolutions}
        locale={{ emptyText: '暂无决议' }}
        renderItem={(r) => (
          <List.Item
            actions={[
              canWrite && r.status === 'open' && (
                <Button key="c" size="small" onClick={() => setCompleting(r)}>
                  办结
                </Button>
              ),
            ]}
          >
            <List.Item.Meta
              title={
                <>
                  {r.text} <ResolutionStatus r={r} />
                </>
              }
              description={`责任人 ${r.ownerName} · 完成时限 ${r.dueOn}${r.doneNote ? ` · 落实：${r.doneNote}` : ''}`}
            />
          </List.Item>
        )}
      />
      {adding && (
        <FormDialog<Values>
          title="登记决议"
          okText="登记"
          fields={['agendaItemId', 'text', 'ownerName', 'dueOn']}
          onClose={() => setAdding(false)}
          onDone={onChanged}
          onSubmit={(v) => addResolution(meeting.id, { ...v, dueOn: v.dueOn.format('YYYY-MM-DD') })}
        >
          <Form.Item name="agendaItemId" label="对应议题">
            <Select
              allowClear
              options={meeting.agenda.map((a) => ({ value: a.id, label: `${a.position}. ${a.title}` }))}
            />
          </Form.Item>
          <Form.Item name="text" label="决议内容" rules={[{ required: true, message: '请填写决议内容' }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="ownerName" label="责任人" rules={[{ required: true, message: '请填写责任人' }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="dueOn" label="完成时限" rules={[{ required: true, message: '请选择完成时限' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </FormDialog>
      )}
      {completing && (
        <CompleteResolutionDialog resolution={completing} onClose={() => setCompleting(undefined)} onDone={onChanged} />
      )}
    </Card>
  );
}
