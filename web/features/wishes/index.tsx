import { lazy } from 'react';
import { HeartOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/feature';

const WishBoardPage = lazy(() => import('./pages/WishBoardPage'));

export const wishesFeature: FeatureModule = {
  menu: [{ key: 'wishes', label: '微心愿', icon: <HeartOutlined />, path: '/wishes' }],
  routes: [{ path: '/wishes', element: <WishBoardPage /> }],
};
