import { lazy } from 'react';
import { HomeOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/feature';

const BoardsPage = lazy(() => import('./pages/BoardsPage'));
const BoardPage = lazy(() => import('./pages/BoardPage'));

/** 云上四合院: neighbourhood boards. Residents see those where they live; staff those they moderate. */
export const boardsFeature: FeatureModule = {
  menu: [{ key: 'boards', label: '云上四合院', icon: <HomeOutlined />, path: '/boards', ability: 'boards.read' }],
  routes: [
    { path: '/boards', element: <BoardsPage />, ability: 'boards.read' },
    { path: '/boards/:id', element: <BoardPage />, ability: 'boards.read' },
  ],
};
