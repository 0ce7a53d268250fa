import { useEffect } from 'react';
import { App, DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { moveOutResident, moveResident } from '../api';
import type { Resident } from '../types';
import { FormDialog } from './FormDialog';
import { NodePicker } from './NodePicker';

interface Values {
  houseId?: number;
  on: Dayjs;
}

/**
 * 搬迁 / 迁入 (into a house in scope) and 迁出 (leaving): the open residence closes on the date
 * and the residence history keeps every house the person lived in.
 */
export function MoveDialog({
  resident,
  mode,
  onClose,
  onSaved,
}: {
  resident: Resident | null;
  mode: 'move' | 'out';
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  useEffect(() => {
    if (resident) {
      form.resetFields();
      form.setFieldsValue({ on: dayjs() });
    }
  }, [resident, form]);
  const title = mode === 'out' ? '迁出' : resident?.movedOutOn ? '迁入' : '搬迁';
  return (
    <FormDialog<Values>
      title={`${title}：${resident?.name ?? ''}`}
      open={resident !== null}
      form={form}
      fields={['houseId', 'on']}
      aliases={{ movedOn: 'on', movedOutOn: 'on' }}
      onClose={onClose}
      okText={`确认${title}`}
      submit={async (v) => {
        const on = v.on.format('YYYY-MM-DD');
        if (mode === 'out') await moveOutResident(resident!.id, on);
        else await moveResident(resident!.id, { houseId: v.houseId!, movedOn: on });
        message.success(`已${title}`);
        onSaved();
      }}
    >
      {mode === 'move' && (
        <Form.Item name="houseId" label="新的居住房屋" rules={[{ required: true, message: '请选择房屋' }]}>
          <NodePicker level="house" />
        </Form.Item>
      )}
      <Form.Item
        name="on"
        label={mode === 'out' ? '迁出日期' : '入住日期'}
        rules={[{ required: true, message: '请选择日期' }]}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormDialog>
  );
}
