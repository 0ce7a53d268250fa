import { Link } from 'react-router-dom';
import { Card, Empty, List, Skeleton } from 'antd';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { fetchBoards } from '../api';
import { useLiveEvents } from '../../cases/live';

/** 云上四合院: the boards of where the user lives (nearest first), or those staff look after. */
export default function BoardsPage() {
  const boards = useAsync((s) => fetchBoards(s), []);
  useLiveEvents(['board.changed'], (m) => {
    if (m.reset || (m as { action?: string }).action === 'board') boards.reload();
  });
  if (boards.error) return <ErrorAlert error={boards.error} onRetry={boards.reload} />;
  if (!boards.data) return <Skeleton active />;
  return (
    <Card title="云上四合院" style={{ maxWidth: 640, margin: '0 auto' }}>
      {!boards.data.length ? (
        <Empty description="您所在的地方还没有开设四合院" />
      ) : (
        <List
          dataSource={boards.data}
          pagination={boards.data.length > 20 ? { pageSize: 20 } : false}
          renderItem={(b) => (
            <List.Item>
              <Link to={`/boards/${b.id}`}>{b.name}</Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
