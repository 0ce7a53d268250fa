import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { createMeeting } from '../api';
import { MEETING_TYPE_LABELS, type MeetingType } from '../types';
import { FormDialog } from './FormDialog';
import { NodePicker } from './NodePicker';
import { fromPicker } from '../../../shared/time';

type Values = { nodeId: number; type: MeetingType; title: string; startsAt: Dayjs; place: string };

export function CreateMeetingDialog({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  let createdId = 0;
  return (
    <FormDialog<Values>
      title="新建会议"
      okText="创建"
      fields={['nodeId', 'type', 'title', 'startsAt', 'place']}
      onClose={onClose}
      onSubmit={async (v) => {
        createdId = (await createMeeting({ ...v, startsAt: fromPicker(v.startsAt) })).id;
      }}
      onDone={() => navigate(`/meetings/${createdId}`)}
    >
      <Form.Item name="type" label="会议类型" rules={[{ required: true, message: '请选择会议类型' }]}>
        <Select options={Object.entries(MEETING_TYPE_LABELS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item
        name="nodeId"
        label="议事范围"
        rules={[{ required: true, message: '请选择社区、网格或小区' }]}
        extra="“三位一体”会议须选择小区"
      >
        <NodePicker />
      </Form.Item>
      <Form.Item name="title" label="会议名称" rules={[{ required: true, message: '请填写会议名称' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="startsAt" label="召开时间" rules={[{ required: true, message: '请选择召开时间' }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="place" label="地点" rules={[{ required: true, message: '请填写地点' }]}>
        <Input maxLength={100} />
      </Form.Item>
    </FormDialog>
  );
}
