import { lazy } from 'react';
import { ApartmentOutlined, IdcardOutlined, SafetyOutlined, TeamOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/feature';

const PostsPage = lazy(() => import('./pages/PostsPage'));
const CadresPage = lazy(() => import('./pages/CadresPage'));
const CadreDetailPage = lazy(() => import('./pages/CadreDetailPage'));
const ReservePage = lazy(() => import('./pages/ReservePage'));
const ForcesPage = lazy(() => import('./pages/ForcesPage'));

/** 岗位设置、干部库、后备人才库、网格力量. */
export const cadresFeature: FeatureModule = {
  menu: [
    {
      key: 'cadre-posts',
      label: '干部岗位',
      icon: <ApartmentOutlined />,
      path: '/cadres/posts',
      ability: 'cadres.read',
    },
    { key: 'cadres', label: '干部库', icon: <IdcardOutlined />, path: '/cadres', ability: 'cadres.read' },
    {
      key: 'cadre-reserve',
      label: '后备人才库',
      icon: <TeamOutlined />,
      path: '/cadres/reserve',
      ability: 'cadres.manage',
    },
    { key: 'grid-forces', label: '网格力量', icon: <SafetyOutlined />, path: '/cadres/forces', ability: 'cadres.read' },
  ],
  routes: [
    { path: '/cadres/posts', element: <PostsPage />, ability: 'cadres.read' },
    { path: '/cadres', element: <CadresPage />, ability: 'cadres.read' },
    { path: '/cadres/reserve', element: <ReservePage />, ability: 'cadres.manage' },
    { path: '/cadres/forces', element: <ForcesPage />, ability: 'cadres.read' },
    { path: '/cadres/:id', element: <CadreDetailPage />, ability: 'cadres.read' },
  ],
};
