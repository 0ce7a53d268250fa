import { Skeleton, Timeline } from 'antd';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { fetchBooking } from '../api';
import { EVENT_LABELS } from '../types';
import { formatTime } from '../../../shared/time';

/** Who did what to a booking: the first-responsible person and every explicit handover. */
export function BookingHistory({ bookingId }: { bookingId: number }) {
  const detail = useAsync((s) => fetchBooking(bookingId, s), [bookingId]);
  if (detail.error) return <ErrorAlert error={detail.error} />;
  if (!detail.data) return <Skeleton active paragraph={{ rows: 2 }} />;
  return (
    <Timeline
      style={{ marginTop: 12, paddingLeft: 8 }}
      items={detail.data.data.history.map((e) => ({
        key: e.id,
        content: `${formatTime(e.at, 'M月D日 HH:mm')} ${e.actorName} ${EVENT_LABELS[e.action] ?? e.action}${e.toName ? ` → ${e.toName}` : ''}${e.note ? `：${e.note}` : ''}`,
      }))}
    />
  );
}
