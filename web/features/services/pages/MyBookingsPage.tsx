import { useState } from 'react';
import { App, Button, Card, Empty, Form, Input, Popconfirm, Rate, Skeleton, Space } from 'antd';
import { errorMessage } from '../../../shared/api';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { FormDialog } from '../../meetings/components/FormDialog';
import { bookingStep, fetchBookings } from '../api';
import { BookingCard } from '../components/BookingCard';
import { BookingHistory } from '../components/BookingHistory';
import type { Booking } from '../types';
import { useLiveEvents } from '../../cases/live';

/** 我的预约: the resident's bookings and proxy requests, cancel while waiting, rate when done. */
export default function MyBookingsPage() {
  const { message } = App.useApp();
  const list = useAsync((s) => fetchBookings({}, s), []);
  // Received, handed over, completed: the resident sees the status change as it happens.
  useLiveEvents(['booking.changed'], list.reload);
  const [rating, setRating] = useState<Booking>();
  const [open, setOpen] = useState<number>();
  const cancel = (b: Booking) =>
    bookingStep(b.id, 'cancel').then(
      () => {
        message.success('已取消');
        list.reload();
      },
      (e: unknown) => message.error(errorMessage(e)),
    );
  if (list.error) return <ErrorAlert error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Skeleton active />;
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 640, margin: '0 auto', display: 'flex' }}>
      <Card size="small" title="我的预约" />
      {!list.data.length && <Empty description="还没有预约，去“一站式服务”看看" />}
      {list.data.map((b) => (
        <div key={b.id}>
          <BookingCard
            booking={b}
            actions={
              <>
                <Button size="small" type="link" onClick={() => setOpen(open === b.id ? undefined : b.id)}>
                  办理记录
                </Button>
                {b.status === 'submitted' && (
                  <Popconfirm title="确定取消该预约？" onConfirm={() => cancel(b)}>
                    <Button size="small">取消预约</Button>
                  </Popconfirm>
                )}
                {b.status === 'completed' && b.rating === null && (
                  <Button size="small" type="primary" onClick={() => setRating(b)}>
                    评价
                  </Button>
                )}
              </>
            }
          />
          {open === b.id && <BookingHistory bookingId={b.id} />}
        </div>
      ))}
      {rating && (
        <FormDialog<{ rating: number; comment?: string }>
          title={`评价：${rating.itemName}`}
          okText="提交评价"
          successText="感谢您的评价"
          fields={['rating', 'comment']}
          onSubmit={(v) => bookingStep(rating.id, 'rate', v)}
          onClose={() => setRating(undefined)}
          onDone={list.reload}
        >
          <Form.Item name="rating" label="满意度" rules={[{ required: true, message: '请打分' }]}>
            <Rate />
          </Form.Item>
          <Form.Item name="comment" label="评价内容">
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </FormDialog>
      )}
    </Space>
  );
}
