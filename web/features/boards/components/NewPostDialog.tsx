import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormDialog } from '../../meetings/components/FormDialog';
import { createPost } from '../api';
import { POST_KIND_LABELS, type PostKind } from '../types';
import { fromPicker } from '../../../shared/time';

type Values = { kind: PostKind; title: string; body: string; eventAt?: Dayjs; eventPlace?: string };

/** Posting: residents post, ask for help, announce events; staff and building leaders also announce. */
export function NewPostDialog({
  boardId,
  kinds,
  onClose,
  onDone,
}: {
  boardId: number;
  kinds: PostKind[];
  onClose: () => void;
  onDone: () => void;
}) {
  return (
    <FormDialog<Values>
      title="发布"
      okText="发布"
      fields={['kind', 'title', 'body', 'eventAt', 'eventPlace']}
      initialValues={{ kind: kinds[0] }}
      onClose={onClose}
      onDone={onDone}
      onSubmit={(v) => createPost(boardId, { ...v, eventAt: v.eventAt ? fromPicker(v.eventAt) : undefined })}
    >
      {(form) => (
        <>
          <Form.Item name="kind" label="类型">
            <Select options={kinds.map((k) => ({ value: k, label: POST_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}>
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item name="body" label="内容" rules={[{ required: true, message: '请填写内容' }]}>
            <Input.TextArea rows={4} maxLength={5000} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
            {() =>
              form.getFieldValue('kind') === 'event' && (
                <>
                  <Form.Item name="eventAt" label="活动时间" rules={[{ required: true, message: '请选择活动时间' }]}>
                    <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
                  </Form.Item>
                  <Form.Item name="eventPlace" label="活动地点" rules={[{ required: true, message: '请填写活动地点' }]}>
                    <Input maxLength={100} />
                  </Form.Item>
                </>
              )
            }
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}
