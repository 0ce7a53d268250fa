import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMe } from '../../../app/session/SessionContext';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { fetchCases } from '../api';
import { CaseList } from '../components/CaseList';
import { useLiveEvents } from '../live';

/**
 * 我的上报. A resident sees only their own and followed cases anyway; staff, who see their
 * whole area, narrow it to their own (`mine`).
 */
export default function MyCasesPage() {
  const me = useMe();
  const [page, setPage] = useState(1);
  const mine = me.abilities.includes('cases.read');
  const list = useAsync((signal) => fetchCases({ mine, page }, signal), [mine, page]);
  // Residents get no case events, only notifications about their cases: either means a change.
  useLiveEvents(['case.changed', 'notification'], list.reload);

  return (
    <Card
      title="我的上报"
      extra={
        <Link to="/cases/report">
          <Button type="primary" icon={<PlusOutlined />}>
            上报
          </Button>
        </Link>
      }
    >
      {list.error ? (
        <ErrorAlert error={list.error} onRetry={list.reload} />
      ) : (
        <CaseList page={list.data} loading={list.loading && !list.data} onPage={setPage} empty="您还没有上报过问题" />
      )}
    </Card>
  );
}
