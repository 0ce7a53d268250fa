import { useParams } from 'react-router-dom';
import { Card, Col, Descriptions, Row, Skeleton, Tag } from 'antd';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { fetchMeeting } from '../api';
import { AgendaCard } from '../components/AgendaCard';
import { InviteesCard } from '../components/InviteesCard';
import { MinutesCard } from '../components/MinutesCard';
import { ResolutionsCard } from '../components/ResolutionsCard';
import { ratePercent } from '../decision-steps';
import { MEETING_STATUS_LABELS, MEETING_TYPE_LABELS } from '../types';
import { useLiveEvents } from '../../cases/live';
import { formatTime } from '../../../shared/time';

/** One meeting: who is invited and came, what is on the agenda, the minutes and the resolutions. */
export default function MeetingDetailPage() {
  const id = Number(useParams().id);
  const detail = useAsync((s) => fetchMeeting(id, s), [id]);
  // This meeting changed, or a resolution (its payload names the resolution, not the meeting) was added or completed.
  useLiveEvents(['meeting.changed'], (m) => {
    const t = m as { targetType?: string; targetId?: number };
    if (m.reset || (t.targetType === 'meeting' && t.targetId === id) || t.targetType === 'resolution') detail.reload();
  });
  if (detail.error) return <ErrorAlert error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Skeleton active />;
  const m = detail.data.data;
  const canWrite = detail.data.abilities.includes('write');
  const props = { meeting: m, canWrite, onChanged: detail.reload };
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24}>
        <Card
          title={m.title}
          extra={<Tag color={m.status === 'held' ? 'green' : 'blue'}>{MEETING_STATUS_LABELS[m.status]}</Tag>}
        >
          <Descriptions
            size="small"
            column={{ xs: 1, md: 4 }}
            items={[
              { label: '类型', children: MEETING_TYPE_LABELS[m.type] },
              { label: '时间', children: formatTime(m.startsAt) },
              { label: '地点', children: m.place },
              {
                label: '出席率',
                children: `${ratePercent(m.attendance.rate)}（签到 ${m.attendance.signedIn} / 已登记 ${m.attendance.expected}）`,
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <InviteesCard {...props} />
      </Col>
      <Col xs={24} lg={12}>
        <AgendaCard {...props} />
      </Col>
      <Col xs={24} lg={12}>
        <MinutesCard {...props} />
      </Col>
      <Col xs={24} lg={12}>
        <ResolutionsCard {...props} />
      </Col>
    </Row>
  );
}
