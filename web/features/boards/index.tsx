import { lazy } from 'react';
import { HomeOutlined, SettingOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/feature';

const BoardsPage = lazy(() => import('./pages/BoardsPage'));
const BoardPage = lazy(() => import('./pages/BoardPage'));
const BoardAdminPage = lazy(() => import('./pages/BoardAdminPage'));

/** 云上四合院: neighbourhood boards. Residents see those where they live; staff those they moderate. */
export const boardsFeature: FeatureModule = {
  menu: [
    { key: 'boards', label: '云上四合院', icon: <HomeOutlined />, path: '/boards', ability: 'boards.read' },
    {
      key: 'boards-admin',
      label: '四合院管理',
      icon: <SettingOutlined />,
      path: '/boards/admin',
      ability: 'boards.manage',
    },
  ],
  routes: [
    { path: '/boards', element: <BoardsPage />, ability: 'boards.read' },
    { path: '/boards/admin', element: <BoardAdminPage />, ability: 'boards.manage' },
    { path: '/boards/:id', element: <BoardPage />, ability: 'boards.read' },
  ],
};
