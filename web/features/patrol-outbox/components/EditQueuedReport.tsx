import { useEffect } from 'react';
import { Checkbox, Form, Input, Modal } from 'antd';
import { CategoryCascader } from '../../cases/components/CategoryCascader';
import { outbox, type QueuedReport } from '../queue-store';

interface Values {
  title: string;
  description: string;
  categoryId?: number;
  address?: string;
  dropPin: boolean;
}

/**
 * Fixing a report before it is sent again: what the server refuses most (a pin outside every
 * grid, a withdrawn category, a short text) is corrected here; a bad pin can be dropped in favour
 * of the address. Saving puts it back to 待同步.
 */
export function EditQueuedReport({ report, onClose }: { report: QueuedReport | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const hasPin = report?.input.lng !== undefined;
  const dropPin = Form.useWatch('dropPin', form);

  useEffect(() => {
    if (report)
      form.setFieldsValue({
        title: report.input.title,
        description: report.input.description,
        categoryId: report.input.categoryId,
        address: report.input.address,
        dropPin: false,
      });
  }, [report, form]);

  const save = async () => {
    if (!report) return;
    const v = await form.validateFields();
    const { lng, lat, componentId, ...rest } = report.input;
    const keepPin = hasPin && !v.dropPin;
    await outbox.put({
      ...report,
      input: {
        ...rest,
        title: v.title,
        description: v.description,
        categoryId: v.categoryId,
        address: v.address || undefined,
        ...(keepPin ? { lng, lat, componentId } : {}),
      },
      state: 'pending',
      error: undefined,
    });
    onClose();
  };

  return (
    <Modal
      title="修改待同步上报"
      open={!!report}
      onOk={() => void save()}
      onCancel={onClose}
      okText="保存"
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="title"
          label="标题"
          rules={[{ required: true, min: 2, max: 80, message: '请用 2–80 字概括问题' }]}
        >
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item
          name="description"
          label="问题描述"
          rules={[{ required: true, min: 2, max: 3960, message: '请描述问题（至少 2 字）' }]}
        >
          <Input.TextArea rows={4} maxLength={3960} />
        </Form.Item>
        <Form.Item name="categoryId" label="问题类别">
          <CategoryCascader placeholder="不确定可不选，由社区分类" />
        </Form.Item>
        {hasPin && (
          <Form.Item name="dropPin" valuePropName="checked">
            <Checkbox>不用地图选点，改为只填地址</Checkbox>
          </Form.Item>
        )}
        <Form.Item
          name="address"
          label="详细地址"
          rules={!hasPin || dropPin ? [{ required: true, min: 2, message: '请填写地址' }] : []}
        >
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
