import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Dropdown, List, Tag } from 'antd';
import { AGENDA_SOURCE_LABELS, type AgendaSource, type MeetingDetail } from '../types';
import { AgendaDialog } from './AgendaDialog';

/** The agenda in order; items come from cases waiting for deliberation, proposals or typed in. */
export function AgendaCard({
  meeting,
  canWrite,
  onChanged,
}: {
  meeting: MeetingDetail;
  canWrite: boolean;
  onChanged: () => void;
}) {
  const [adding, setAdding] = useState<AgendaSource>();
  const add = canWrite && meeting.status === 'planned' && (
    <Dropdown
      menu={{
        items: (['case', 'proposal', 'typed'] as const).map((s) => ({
          key: s,
          label: `添加${AGENDA_SOURCE_LABELS[s]}议题`,
        })),
        onClick: ({ key }) => setAdding(key as AgendaSource),
      }}
    >
      <Button size="small">添加议题</Button>
    </Dropdown>
  );
  return (
    <Card size="small" title="议程" extra={add}>
      <List
        size="small"
        dataSource={meeting.agenda}
        locale={{ emptyText: '暂无议题' }}
        renderItem={(item) => (
          <List.Item>
            <List.Item.Meta
              title={
                <>
                  {item.position}. {item.title} <Tag>{AGENDA_SOURCE_LABELS[item.source]}</Tag>
                  {item.caseId && <Link to={`/cases/${item.caseId}`}>查看事件</Link>}
                </>
              }
              description={item.description}
            />
          </List.Item>
        )}
      />
      {adding && (
        <AgendaDialog meeting={meeting} source={adding} onClose={() => setAdding(undefined)} onDone={onChanged} />
      )}
    </Card>
  );
}
