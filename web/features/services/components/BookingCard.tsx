import type { ReactNode } from 'react';
import { Card, Rate, Space, Tag, Typography } from 'antd';
import { BOOKING_MODE_LABELS, BOOKING_STATUS_COLOURS, BOOKING_STATUS_LABELS, type Booking } from '../types';
import { formatTime } from '../../../shared/time';

/** A booking as the resident and the staff both see it: item, when, status, rating. */
export function BookingCard({
  booking,
  actions,
  showResident,
}: {
  booking: Booking;
  actions?: ReactNode;
  showResident?: boolean;
}) {
  return (
    <Card
      size="small"
      data-testid="booking-card"
      title={booking.itemName}
      extra={<Tag color={BOOKING_STATUS_COLOURS[booking.status]}>{BOOKING_STATUS_LABELS[booking.status]}</Tag>}
    >
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <span>
          <Tag>{BOOKING_MODE_LABELS[booking.mode]}</Tag>
          {booking.slotStartsAt
            ? `预约时段 ${formatTime(booking.slotStartsAt, 'M月D日 HH:mm')}`
            : `提交于 ${formatTime(booking.createdAt, 'M月D日 HH:mm')}`}
        </span>
        {showResident && <span>居民：{booking.residentName}</span>}
        {booking.note && <Typography.Text type="secondary">备注：{booking.note}</Typography.Text>}
        {booking.rating !== null && (
          <span>
            评价：
            <Rate disabled value={booking.rating} style={{ fontSize: 14 }} /> {booking.ratingComment}
          </span>
        )}
        {actions && (
          <Space wrap style={{ marginTop: 4 }}>
            {actions}
          </Space>
        )}
      </Space>
    </Card>
  );
}
