import { useState } from 'react';
import { App, Button, Card, Empty, Form, Input, Select, Skeleton, Space, Tabs } from 'antd';
import { useMe } from '../../../app/session/SessionContext';
import { errorMessage } from '../../../shared/api';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { FormDialog } from '../../meetings/components/FormDialog';
import { bookingStep, fetchBookings, fetchHandlers } from '../api';
import { BookingCard } from '../components/BookingCard';
import { BookingHistory } from '../components/BookingHistory';
import type { Booking, BookingStatus } from '../types';
import { useLiveEvents } from '../../cases/live';

const TABS: { key: string; label: string; status?: BookingStatus; mine?: boolean }[] = [
  { key: 'submitted', label: '待受理', status: 'submitted' },
  { key: 'mine', label: '我负责的', status: 'received', mine: true },
  { key: 'received', label: '办理中', status: 'received' },
  { key: 'completed', label: '已办结', status: 'completed' },
];

/**
 * 服务受理: whoever receives a booking first is responsible for it (首问责任制) until they hand
 * it over explicitly; only they complete it. Two staff receiving at once: one gets a 409.
 */
export default function ServiceInboxPage() {
  const me = useMe();
  const { message } = App.useApp();
  const [tab, setTab] = useState('submitted');
  const current = TABS.find((t) => t.key === tab)!;
  const list = useAsync((s) => fetchBookings({ status: current.status, mine: current.mine }, s), [tab]);
  // New bookings and a colleague's receipt (首问) appear without a refresh, so two people rarely race.
  useLiveEvents(['booking.changed'], list.reload);
  const [dialog, setDialog] = useState<{ booking: Booking; action: 'handover' | 'complete' }>();
  const [open, setOpen] = useState<number>();
  const handlers = useAsync((s) => fetchHandlers(s), []);
  const receive = (b: Booking) =>
    bookingStep(b.id, 'receive').then(
      () => {
        message.success('已受理，您是首问责任人');
        list.reload();
      },
      (e: unknown) => {
        message.error(errorMessage(e));
        list.reload();
      },
    );
  const actions = (b: Booking) => (
    <>
      <Button size="small" type="link" onClick={() => setOpen(open === b.id ? undefined : b.id)}>
        办理记录
      </Button>
      {b.status === 'submitted' && (
        <Button size="small" type="primary" onClick={() => receive(b)}>
          受理
        </Button>
      )}
      {b.status === 'received' && b.responsibleUserId === me.id && (
        <>
          <Button size="small" onClick={() => setDialog({ booking: b, action: 'handover' })}>
            移交
          </Button>
          <Button size="small" type="primary" onClick={() => setDialog({ booking: b, action: 'complete' })}>
            办结
          </Button>
        </>
      )}
    </>
  );
  const body = list.error ? (
    <ErrorAlert error={list.error} onRetry={list.reload} />
  ) : !list.data ? (
    <Skeleton active />
  ) : !list.data.length ? (
    <Empty />
  ) : (
    <Space direction="vertical" style={{ width: '100%' }}>
      {list.data.map((b) => (
        <div key={b.id}>
          <BookingCard booking={b} showResident actions={actions(b)} />
          {open === b.id && <BookingHistory bookingId={b.id} />}
        </div>
      ))}
    </Space>
  );
  const d = dialog;
  return (
    <Card title="服务受理">
      <Tabs activeKey={tab} onChange={setTab} items={TABS.map((t) => ({ key: t.key, label: t.label }))} />
      {body}
      {d && (
        <FormDialog<{ toUserId?: number; note: string }>
          title={`${d.action === 'handover' ? '移交' : '办结'}：${d.booking.itemName}（${d.booking.residentName}）`}
          okText={d.action === 'handover' ? '确认移交' : '确认办结'}
          successText={d.action === 'handover' ? '已移交' : '已办结'}
          fields={['toUserId', 'note']}
          onSubmit={(v) => bookingStep(d.booking.id, d.action, v)}
          onClose={() => setDialog(undefined)}
          onDone={list.reload}
        >
          {d.action === 'handover' && (
            <Form.Item name="toUserId" label="移交给" rules={[{ required: true, message: '请选择接收人' }]}>
              <Select
                loading={handlers.loading}
                options={handlers.data
                  ?.filter((h) => h.id !== me.id)
                  .map((h) => ({ value: h.id, label: h.displayName }))}
              />
            </Form.Item>
          )}
          <Form.Item
            name="note"
            label={d.action === 'handover' ? '移交原因' : '办理结果'}
            rules={[{ required: true, message: '请填写' }]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </FormDialog>
      )}
    </Card>
  );
}
