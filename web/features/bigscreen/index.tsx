import { lazy } from 'react';
import { FundProjectionScreenOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/feature';

const BigscreenPage = lazy(() => import('./pages/BigscreenPage'));
const ABILITY = 'analytics.read';

export const bigscreenFeature: FeatureModule = {
  menu: [
    {
      key: 'bigscreen',
      label: '指挥大屏',
      icon: <FundProjectionScreenOutlined />,
      path: '/bigscreen',
      ability: ABILITY,
    },
  ],
  routes: [{ path: '/bigscreen', element: <BigscreenPage />, ability: ABILITY, fullscreen: true }],
};
