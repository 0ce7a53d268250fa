import { lazy } from 'react';
import { HomeOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/feature';

const HomePage = lazy(() => import('./pages/HomePage'));

export const homeFeature: FeatureModule = {
  menu: [{ key: 'home', label: '工作台', icon: <HomeOutlined />, path: '/' }],
  routes: [{ path: '/', element: <HomePage /> }],
};
