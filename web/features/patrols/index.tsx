import { lazy } from 'react';
import { FlagOutlined, SafetyOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/feature';

const PatrolsPage = lazy(() => import('./pages/PatrolsPage'));
const PatrolDetailPage = lazy(() => import('./pages/PatrolDetailPage'));
const PatrolFiguresPage = lazy(() => import('./pages/PatrolFiguresPage'));
const MyPatrolPage = lazy(() => import('./pages/MyPatrolPage'));

const ANY_PATROL = ['patrols.plan', 'patrols.join'] as const;

export const patrolsFeature: FeatureModule = {
  menu: [
    { key: 'patrols', label: '联合巡查', icon: <SafetyOutlined />, path: '/patrols', ability: ANY_PATROL },
    {
      key: 'patrols-today',
      label: '今日巡查',
      icon: <FlagOutlined />,
      path: '/patrols/today',
      ability: 'patrols.join',
    },
  ],
  routes: [
    { path: '/patrols', element: <PatrolsPage />, ability: ANY_PATROL },
    { path: '/patrols/today', element: <MyPatrolPage />, ability: 'patrols.join' },
    { path: '/patrols/:id', element: <PatrolDetailPage />, ability: ANY_PATROL },
    { path: '/patrols/:id/figures', element: <PatrolFiguresPage />, ability: ANY_PATROL },
  ],
};
