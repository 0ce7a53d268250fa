import { lazy } from 'react';
import { SmileOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/feature';

const ActivitiesPage = lazy(() => import('./pages/ActivitiesPage'));
const TeamsPage = lazy(() => import('./pages/TeamsPage'));

export const volunteersFeature: FeatureModule = {
  menu: [
    { key: 'volunteers', label: '志愿服务', icon: <SmileOutlined />, path: '/volunteers' },
    {
      key: 'volunteer-teams',
      label: '志愿队伍',
      icon: <UsergroupAddOutlined />,
      path: '/volunteers/teams',
      ability: 'volunteers.manage',
    },
  ],
  routes: [
    { path: '/volunteers', element: <ActivitiesPage /> },
    { path: '/volunteers/teams', element: <TeamsPage />, ability: 'volunteers.manage' },
  ],
};
