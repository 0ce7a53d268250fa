import { App, DatePicker, Form, Modal } from 'antd';
import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { fromPicker, pickerNow } from '../../../shared/time';
import { formErrorMessage } from '../../../shared/form-errors';

/** The open–close window of an item, picked as Shanghai wall-clock time. */
export function WindowField() {
  return (
    <Form.Item name="window" label="起止时间（北京时间）" rules={[{ required: true, message: '请选择起止时间' }]}>
      <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
    </Form.Item>
  );
}

export const defaultWindow = (days: number): [Dayjs, Dayjs] => [pickerNow(), pickerNow().add(days, 'day')];

/**
 * A create dialog: turns the picked window into opensAt/closesAt, sends, and puts the server's 422
 * details beside their fields (opensAt/closesAt beside the window).
 */
export function CreateModal<T extends { window: [Dayjs, Dayjs] }>(props: {
  title: string;
  form: FormInstance<T>;
  fields: readonly string[];
  send: (body: Omit<T, 'window'> & { opensAt: string; closesAt: string }) => Promise<{ data: { id: number } }>;
  onClose: () => void;
  onCreated: (id: number) => void;
  initialValues: Partial<T>;
  width?: number;
  children: ReactNode;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const submit = async (values: T) => {
    setBusy(true);
    try {
      const { window, ...rest } = values;
      const res = await props.send({ ...rest, opensAt: fromPicker(window[0]), closesAt: fromPicker(window[1]) });
      message.success('已发布');
      props.onCreated(res.data.id);
    } catch (error) {
      const left = formErrorMessage(props.form, error, [...props.fields, 'window'], {
        opensAt: 'window',
        closesAt: 'window',
      });
      if (left) message.error(left);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={props.title}
      okText="发布"
      width={props.width ?? 640}
      confirmLoading={busy}
      onOk={() => props.form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form form={props.form} layout="vertical" onFinish={submit} initialValues={props.initialValues as object}>
        {props.children}
      </Form>
    </Modal>
  );
}
