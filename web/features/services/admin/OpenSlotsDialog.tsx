import { App, DatePicker, Form, InputNumber } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormDialog } from '../../meetings/components/FormDialog';
import { openSlots } from '../api';
import type { Station } from '../types';
import { describeHours } from './hours';
import { pickerNow } from '../../../shared/time';

/** Opens bookable slots from the station's opening hours for a run of days; slots already open stay as they are. */
export function OpenSlotsDialog({
  station,
  onClose,
  onDone,
}: {
  station: Station;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const submit = async (v: { from: Dayjs; days: number }) => {
    const { opened } = await openSlots(station.id, { from: v.from.format('YYYY-MM-DD'), days: v.days });
    message.info(opened ? `新开放 ${opened} 个时段` : '这些日期的时段已全部开放');
  };
  return (
    <FormDialog<{ from: Dayjs; days: number }>
      title={`开放预约时段：${station.name}`}
      okText="开放"
      successText="已处理"
      fields={['from', 'days']}
      initialValues={{ from: pickerNow(), days: 14 }}
      onSubmit={submit}
      onClose={onClose}
      onDone={onDone}
    >
      <div style={{ marginBottom: 12, color: '#888' }}>
        开放时间：{describeHours(station.openingHours)}；每 {station.slotMinutes} 分钟一个时段，每时段{' '}
        {station.capacityPerSlot} 人
      </div>
      <Form.Item name="from" label="起始日期" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="days" label="天数">
        <InputNumber min={1} max={31} />
      </Form.Item>
    </FormDialog>
  );
}
