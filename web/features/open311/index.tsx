import { lazy } from 'react';
import { ApiOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/feature';

const KeysPage = lazy(() => import('./pages/KeysPage'));

export const open311Feature: FeatureModule = {
  menu: [{ key: 'open311', label: 'Open311 接入', icon: <ApiOutlined />, path: '/open311', ability: 'open311.manage' }],
  routes: [{ path: '/open311', element: <KeysPage />, ability: 'open311.manage' }],
};
