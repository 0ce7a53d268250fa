import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, Card, Table, Tabs, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMe } from '../../../app/session/SessionContext';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { fetchMeetings } from '../api';
import { AttendanceStatsCard } from '../components/AttendanceStatsCard';
import { CreateMeetingDialog } from '../components/CreateMeetingDialog';
import { ResolutionsTable } from '../components/ResolutionsTable';
import { MEETING_STATUS_LABELS, MEETING_TYPE_LABELS, type Meeting } from '../types';
import { useLiveEvents } from '../../cases/live';
import { formatTime } from '../../../shared/time';

/** 协商议事: the meetings in scope, the resolutions to follow up (overdue first) and attendance rates. */
export default function MeetingsPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'meetings';
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useAsync((s) => fetchMeetings(page, s), [page]);
  const canWrite = me.abilities.includes('meetings.write');
  // Another clerk's new meeting or minutes shows up without a manual refresh.
  useLiveEvents(['meeting.changed'], list.reload);

  const meetings = list.error ? (
    <ErrorAlert error={list.error} onRetry={list.reload} />
  ) : (
    <Table<Meeting>
      rowKey="id"
      size="middle"
      loading={list.loading}
      dataSource={list.data?.data}
      pagination={{ current: page, pageSize: 20, total: list.data?.page.total, onChange: setPage }}
      columns={[
        { title: '会议', dataIndex: 'title', render: (t: string, m) => <Link to={`/meetings/${m.id}`}>{t}</Link> },
        { title: '类型', dataIndex: 'type', render: (t: Meeting['type']) => MEETING_TYPE_LABELS[t] },
        { title: '时间', dataIndex: 'startsAt', render: (d: string) => formatTime(d) },
        { title: '地点', dataIndex: 'place' },
        {
          title: '状态',
          dataIndex: 'status',
          render: (s: Meeting['status']) => (
            <Tag color={s === 'held' ? 'green' : s === 'planned' ? 'blue' : 'default'}>{MEETING_STATUS_LABELS[s]}</Tag>
          ),
        },
      ]}
    />
  );
  return (
    <Card
      title="协商议事"
      extra={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建会议
          </Button>
        )
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        items={[
          { key: 'meetings', label: '会议', children: meetings },
          { key: 'resolutions', label: '决议督办', children: <ResolutionsTable canComplete={canWrite} /> },
          { key: 'attendance', label: '出席率', children: <AttendanceStatsCard /> },
        ]}
      />
      {creating && <CreateMeetingDialog onClose={() => setCreating(false)} />}
    </Card>
  );
}
