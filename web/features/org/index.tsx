import { lazy } from 'react';
import { ApartmentOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/feature';

const OrgTreePage = lazy(() => import('./pages/OrgTreePage'));

export const orgFeature: FeatureModule = {
  menu: [{ key: 'org', label: '治理体系', icon: <ApartmentOutlined />, path: '/org', ability: 'org.read' }],
  routes: [{ path: '/org', element: <OrgTreePage />, ability: 'org.read' }],
};
