import { useState } from 'react';
import { Button, Card, Empty, Form, Input, Typography } from 'antd';
import { recordMinutes } from '../api';
import type { MeetingDetail } from '../types';
import { FormDialog } from './FormDialog';

/** Writing the minutes marks the meeting as held (the server's rule); they can be corrected later. */
export function MinutesCard({
  meeting,
  canWrite,
  onChanged,
}: {
  meeting: MeetingDetail;
  canWrite: boolean;
  onChanged: () => void;
}) {
  const [editing, setEditing] = useState(false);
  return (
    <Card
      size="small"
      title="会议纪要"
      extra={
        canWrite &&
        meeting.status !== 'cancelled' && (
          <Button size="small" onClick={() => setEditing(true)}>
            {meeting.minutes ? '修改纪要' : '记录纪要'}
          </Button>
        )
      }
    >
      {meeting.minutes ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{meeting.minutes}</Typography.Paragraph>
      ) : (
        <Empty description="会议召开后记录纪要" />
      )}
      {editing && (
        <FormDialog<{ minutes: string }>
          title="会议纪要"
          okText="保存纪要"
          successText="纪要已保存"
          fields={['minutes']}
          initialValues={{ minutes: meeting.minutes ?? '' }}
          onSubmit={(v) => recordMinutes(meeting.id, v.minutes)}
          onClose={() => setEditing(false)}
          onDone={onChanged}
        >
          <Form.Item name="minutes" label="纪要" rules={[{ required: true, message: '请填写纪要' }]}>
            <Input.TextArea rows={10} maxLength={20000} />
          </Form.Item>
        </FormDialog>
      )}
    </Card>
  );
}
