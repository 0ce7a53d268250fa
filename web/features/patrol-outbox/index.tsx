import { lazy } from 'react';
import { CloudSyncOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/feature';
import { OutboxBadge } from './components/OutboxBadge';

const OutboxPage = lazy(() => import('./pages/OutboxPage'));

/** 待同步: patrol reports filed without signal, kept on the phone until the server has them. */
export const patrolOutboxFeature: FeatureModule = {
  // Grid workers are the reporters who walk the grid (and the only ones holding cases.verify, for
  // on-site checks); other reporters file online and never have a queue.
  menu: [
    {
      key: 'cases-outbox',
      label: '待同步上报',
      icon: <CloudSyncOutlined />,
      path: '/cases/outbox',
      ability: 'cases.verify',
    },
  ],
  routes: [{ path: '/cases/outbox', element: <OutboxPage />, ability: 'cases.verify' }],
  headerWidgets: [<OutboxBadge key="patrol-outbox" />],
};
