import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { FormDialog } from '../../meetings/components/FormDialog';
import { createStation, updateStation, type StationInput } from '../api';
import type { Station } from '../types';
import { hoursProblem, slotsPerWeek, WEEKDAY_LABELS } from './hours';

const FIELDS = ['name', 'address', 'openingHours', 'slotMinutes', 'capacityPerSlot'];
const EMPTY: Partial<StationInput> = {
  slotMinutes: 30,
  capacityPerSlot: 3,
  openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '09:00', close: '17:00' })),
};
const TIME = { pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'HH:MM' };

/**
 * A 党群服务驿站: opening hours by weekday, slot length and seats per slot. Changes apply to
 * slots opened from now on; slots already open keep what people booked.
 */
export function StationDialog({
  communityId,
  station,
  onClose,
  onDone,
}: {
  communityId: number;
  station?: Station;
  onClose: () => void;
  onDone: () => void;
}) {
  const submit = (v: StationInput) => (station ? updateStation(station.id, v) : createStation(communityId, v));
  // Checked before sending, next to the list: the server refuses the same, less precisely.
  const hoursRule = {
    validator: async (_: unknown, hours: StationInput['openingHours'] | undefined) => {
      const problem = hoursProblem((hours ?? []).filter((h) => h?.open && h?.close));
      if (problem) throw new Error(problem);
    },
  };
  return (
    <FormDialog<StationInput>
      title={station ? `修改驿站：${station.name}` : '新增党群服务驿站'}
      okText={station ? '保存' : '新增'}
      fields={FIELDS}
      initialValues={station ?? EMPTY}
      onSubmit={submit}
      onClose={onClose}
      onDone={onDone}
    >
      {(form) => (
        <>
          <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="address" label="地址" rules={[{ required: true, message: '请填写地址' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Space>
            <Form.Item name="slotMinutes" label="每个时段（分钟）">
              <InputNumber min={10} max={240} step={5} />
            </Form.Item>
            <Form.Item name="capacityPerSlot" label="每时段可约人数">
              <InputNumber min={1} max={200} />
            </Form.Item>
          </Space>
          <Form.List name="openingHours" rules={[hoursRule]}>
            {(fields, { add, remove }, { errors }) => (
              <>
                <div style={{ marginBottom: 8 }}>开放时间</div>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item name={[f.name, 'weekday']} rules={[{ required: true, message: '星期' }]}>
                      <Select
                        style={{ width: 90 }}
                        options={WEEKDAY_LABELS.slice(1).map((label, i) => ({ value: i + 1, label }))}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'open']} rules={[{ required: true, message: '开始' }, TIME]}>
                      <Input style={{ width: 80 }} placeholder="09:00" />
                    </Form.Item>
                    <span>–</span>
                    <Form.Item name={[f.name, 'close']} rules={[{ required: true, message: '结束' }, TIME]}>
                      <Input style={{ width: 80 }} placeholder="17:00" />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除时段" />
                  </Space>
                ))}
                <Button
                  type="dashed"
                  block
                  icon={<PlusOutlined />}
                  onClick={() => add({ weekday: 6, open: '09:00', close: '11:30' })}
                >
                  添加开放时段
                </Button>
                <Form.ErrorList errors={errors} />
              </>
            )}
          </Form.List>
          <Form.Item shouldUpdate noStyle>
            {() => (
              <div style={{ marginTop: 8, color: '#888' }}>
                每周约 {slotsPerWeek(form.getFieldValue('openingHours') ?? [], form.getFieldValue('slotMinutes') || 30)}{' '}
                个时段
              </div>
            )}
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}
