import { lazy } from 'react';
import { AlertOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/feature';

const DevicesPage = lazy(() => import('./pages/DevicesPage'));

export const devicesFeature: FeatureModule = {
  menu: [{ key: 'devices', label: '设备告警', icon: <AlertOutlined />, path: '/devices', ability: 'devices.read' }],
  routes: [{ path: '/devices', element: <DevicesPage />, ability: 'devices.read' }],
};
