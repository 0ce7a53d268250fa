import { useState } from 'react';
import { Button, Empty, Form, Input, Segmented, Select, Space, Spin } from 'antd';
import { ApiError } from '../../../shared/api';
import { useAsync } from '../../../shared/use-async';
import { FormDialog } from '../../meetings/components/FormDialog';
import { createBooking, fetchSlots } from '../api';
import { slotsByDay } from '../slots';
import type { ServiceItem, Station } from '../types';
import { formatTime } from '../../../shared/time';

type Values = { slotId: number; note?: string };

/** Slot buttons of one day: remaining seats shown, full slots disabled. */
function SlotPicker({
  stationId,
  value,
  onChange,
  reloadKey,
}: {
  stationId: number;
  value?: number;
  onChange?: (id: number) => void;
  reloadKey: number;
}) {
  const slots = useAsync((s) => fetchSlots(stationId, s), [stationId, reloadKey]);
  const days = slotsByDay(slots.data ?? []);
  const [day, setDay] = useState<string>();
  if (slots.loading && !slots.data) return <Spin />;
  if (!days.length) return <Empty description="近两周没有可预约的时段" />;
  const current = days.find((d) => d.date === day) ?? days[0]!;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Segmented
        block={false}
        value={current.date}
        onChange={(v) => setDay(String(v))}
        options={days.map((d) => ({ value: d.date, label: d.label }))}
        style={{ maxWidth: '100%', overflowX: 'auto' }}
      />
      <Space size={[8, 8]} wrap>
        {current.slots.map((s) => (
          <Button
            key={s.id}
            type={value === s.id ? 'primary' : 'default'}
            disabled={s.remaining === 0}
            onClick={() => onChange?.(s.id)}
            data-testid="slot"
          >
            {formatTime(s.startsAt, 'HH:mm')} {s.remaining ? `余 ${s.remaining}` : '已约满'}
          </Button>
        ))}
      </Space>
    </Space>
  );
}

/** Booking a slot at a 党群服务驿站; a slot taken meanwhile (409) is explained and the slots reloaded. */
export function BookDialog({
  item,
  stations,
  onClose,
  onDone,
}: {
  item: ServiceItem;
  stations: Station[];
  onClose: () => void;
  onDone: () => void;
}) {
  const [stationId, setStationId] = useState(stations[0]?.id);
  const [reloadKey, setReloadKey] = useState(0);
  const submit = async (v: Values) => {
    try {
      await createBooking({ mode: 'visit', serviceItemId: item.id, slotId: v.slotId, note: v.note || undefined });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setReloadKey((k) => k + 1);
      throw err;
    }
  };
  return (
    <FormDialog<Values>
      title={`预约：${item.name}`}
      okText="确认预约"
      successText="预约成功，可在“我的预约”查看"
      fields={['slotId', 'note']}
      onSubmit={submit}
      onClose={onClose}
      onDone={onDone}
    >
      {stations.length > 1 && (
        <Select
          value={stationId}
          onChange={setStationId}
          options={stations.map((s) => ({ value: s.id, label: s.name }))}
          style={{ width: '100%', marginBottom: 12 }}
        />
      )}
      <div style={{ marginBottom: 8, color: '#888' }}>{stations.find((s) => s.id === stationId)?.address}</div>
      <Form.Item name="slotId" label="时段" rules={[{ required: true, message: '请选择时段' }]}>
        {stationId ? (
          <SlotPicker stationId={stationId} reloadKey={reloadKey} />
        ) : (
          <Empty description="本社区暂无服务驿站" />
        )}
      </Form.Item>
      <Form.Item name="note" label="备注">
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormDialog>
  );
}
