import { lazy } from 'react';
import { GlobalOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/feature';

const OnemapPage = lazy(() => import('./pages/OnemapPage'));
const ABILITY = 'analytics.read';

export const onemapFeature: FeatureModule = {
  menu: [{ key: 'onemap', label: '一张图', icon: <GlobalOutlined />, path: '/onemap', ability: ABILITY }],
  routes: [{ path: '/onemap', element: <OnemapPage />, ability: ABILITY }],
};
