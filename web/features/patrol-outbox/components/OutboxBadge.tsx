import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { Badge, Button, Tooltip } from 'antd';
import { CloudSyncOutlined } from '@ant-design/icons';
import { useMe } from '../../../app/session/SessionContext';
import { registerServiceWorker } from '../../../pwa/register';
import { useAutoSync, useOutbox } from '../use-outbox';

/**
 * The header's 待同步 count. Always mounted for signed-in users, since it also drives the
 * automatic sync; shown to grid workers (who report on patrol) and to anyone with reports waiting.
 */
export function OutboxBadge() {
  const me = useMe();
  const navigate = useNavigate();
  const { unsent } = useOutbox(me.id);
  useAutoSync(me.id);
  const patrols = me.role === 'grid_worker';
  useEffect(() => {
    if (patrols) registerServiceWorker();
  }, [patrols]);
  if (!patrols && unsent === 0) return null;
  return (
    <Tooltip title="待同步的巡查上报">
      <Badge count={unsent} size="small" overflowCount={99} data-testid="outbox-count">
        <Button
          shape="circle"
          icon={<CloudSyncOutlined />}
          aria-label={`待同步 ${unsent} 条`}
          data-testid="outbox-badge"
          onClick={() => void navigate('/cases/outbox')}
        />
      </Badge>
    </Tooltip>
  );
}
