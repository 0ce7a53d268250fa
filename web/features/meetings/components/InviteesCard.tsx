import { useState } from 'react';
import { App, Button, Card, Radio, Table } from 'antd';
import { errorMessage } from '../../../shared/api';
import { markAttendance } from '../api';
import { ATTENDANCE_LABELS, type Attendance, type Invitee, type MeetingDetail } from '../types';
import { InviteDialog } from './InviteDialog';

interface Props {
  meeting: MeetingDetail;
  canWrite: boolean;
  onChanged: () => void;
}
type Mark = Exclude<Attendance, 'pending'>;

/** Invitees with their attendance; marking is one click per person, saved at once. */
export function InviteesCard({ meeting, canWrite, onChanged }: Props) {
  const { message } = App.useApp();
  const [inviting, setInviting] = useState(false);
  const mark = (invitee: Invitee, attendance: Mark) =>
    markAttendance(meeting.id, [{ inviteeId: invitee.id, attendance }]).then(onChanged, (e: unknown) =>
      message.error(errorMessage(e)),
    );
  const editable = canWrite && meeting.status !== 'cancelled';
  return (
    <Card
      size="small"
      title={`参会人员（${meeting.invitees.length}）`}
      extra={
        editable && (
          <Button size="small" onClick={() => setInviting(true)}>
            邀请
          </Button>
        )
      }
    >
      <Table<Invitee>
        rowKey="id"
        size="small"
        dataSource={meeting.invitees}
        pagination={{ pageSize: 15, hideOnSinglePage: true }}
        locale={{ emptyText: '尚未邀请参会人员' }}
        columns={[
          { title: '姓名/单位', dataIndex: 'displayName', render: (n: string, i) => (i.unitName ? `${n}（单位）` : n) },
          {
            title: '出席',
            dataIndex: 'attendance',
            render: (a: Attendance, i) =>
              editable ? (
                <Radio.Group
                  size="small"
                  optionType="button"
                  value={a === 'pending' ? undefined : a}
                  onChange={(e) => mark(i, e.target.value as Mark)}
                  options={(['signed_in', 'excused', 'absent'] as const).map((v) => ({
                    value: v,
                    label: ATTENDANCE_LABELS[v],
                  }))}
                />
              ) : (
                ATTENDANCE_LABELS[a]
              ),
          },
        ]}
      />
      {inviting && <InviteDialog meeting={meeting} onClose={() => setInviting(false)} onDone={onChanged} />}
    </Card>
  );
}
