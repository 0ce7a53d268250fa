import { lazy } from 'react';
import { HomeOutlined, PieChartOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/feature';

const MyHouseholdsPage = lazy(() => import('./pages/MyHouseholdsPage'));
const RecordVisitPage = lazy(() => import('./pages/RecordVisitPage'));
const CoveragePage = lazy(() => import('./pages/CoveragePage'));

/** 包保联户: my households and visit records (phone friendly), round coverage for secretaries. */
export const contactFeature: FeatureModule = {
  menu: [
    {
      key: 'contact-mine',
      label: '我的联系户',
      icon: <HomeOutlined />,
      path: '/contact/mine',
      ability: 'contact.visit',
    },
    {
      key: 'contact-coverage',
      label: '联户走访覆盖',
      icon: <PieChartOutlined />,
      path: '/contact/coverage',
      ability: 'contact.read',
    },
  ],
  routes: [
    { path: '/contact/mine', element: <MyHouseholdsPage />, ability: 'contact.visit' },
    { path: '/contact/visit/:houseId', element: <RecordVisitPage />, ability: ['contact.visit', 'contact.manage'] },
    { path: '/contact/coverage', element: <CoveragePage />, ability: 'contact.read' },
  ],
};
