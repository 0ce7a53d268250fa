import { lazy } from 'react';
import { SmileOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/feature';

const ActivitiesPage = lazy(() => import('./pages/ActivitiesPage'));

export const volunteersFeature: FeatureModule = {
  menu: [{ key: 'volunteers', label: '志愿服务', icon: <SmileOutlined />, path: '/volunteers' }],
  routes: [{ path: '/volunteers', element: <ActivitiesPage /> }],
};
