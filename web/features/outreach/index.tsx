import { lazy } from 'react';
import { ApartmentOutlined, HeartOutlined, TeamOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/feature';

const WallPage = lazy(() => import('./pages/WallPage'));
const MyZonePage = lazy(() => import('./pages/MyZonePage'));
const ZonesPage = lazy(() => import('./pages/ZonesPage'));

/** Party members shown to residents: the 党群连心墙, 我的一区两员, and the zones staff keep. */
export const outreachFeature: FeatureModule = {
  menu: [
    {
      key: 'outreach-wall',
      label: '党群连心墙',
      icon: <HeartOutlined />,
      path: '/outreach/wall',
      ability: 'outreach.wall',
    },
    {
      key: 'outreach-my-zone',
      label: '我的一区两员',
      icon: <TeamOutlined />,
      path: '/outreach/my-zone',
      ability: 'outreach.zone',
    },
    {
      key: 'outreach-zones',
      label: '一区两员',
      icon: <ApartmentOutlined />,
      path: '/outreach/zones',
      ability: 'outreach.manage',
    },
  ],
  routes: [
    { path: '/outreach/wall', element: <WallPage />, ability: 'outreach.wall' },
    { path: '/outreach/my-zone', element: <MyZonePage />, ability: 'outreach.zone' },
    { path: '/outreach/zones', element: <ZonesPage />, ability: 'outreach.manage' },
  ],
};
