import { Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { createConsultation } from '../api';
import { CreateModal, defaultWindow, WindowField } from './create-form';

interface Values {
  title: string;
  body: string;
  window: [Dayjs, Dayjs];
}

export function CreateConsultationModal(props: {
  communityId: number;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const [form] = Form.useForm<Values>();
  return (
    <CreateModal<Values>
      title="发布征求意见"
      form={form}
      fields={['title', 'body']}
      send={(body) => createConsultation({ ...body, communityId: props.communityId })}
      onClose={props.onClose}
      onCreated={props.onCreated}
      initialValues={{ window: defaultWindow(14) }}
    >
      <Form.Item name="title" label="标题" rules={[{ required: true, min: 2, max: 80, message: '标题 2–80 个字' }]}>
        <Input placeholder="如：小区停车位改造方案征求意见" />
      </Form.Item>
      <Form.Item name="body" label="方案内容" rules={[{ required: true, message: '请填写方案内容' }]}>
        <Input.TextArea rows={6} maxLength={10000} showCount />
      </Form.Item>
      <WindowField />
      <p style={{ color: '#888' }}>发布后可在详情页上传方案附件（PDF、Word、图片等）。</p>
    </CreateModal>
  );
}
