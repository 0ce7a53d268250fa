import { lazy } from 'react';
import { StarOutlined, TrophyOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/feature';

const RatingsPage = lazy(() => import('./pages/RatingsPage'));
const RatePropertyPage = lazy(() => import('./pages/RatePropertyPage'));

/** 考评: branch star rating, red property list, department ratings; residents rate their property company. */
export const ratingsFeature: FeatureModule = {
  menu: [
    { key: 'ratings', label: '考评', icon: <TrophyOutlined />, path: '/ratings', ability: 'ratings.read' },
    {
      key: 'ratings-property',
      label: '物业评价',
      icon: <StarOutlined />,
      path: '/ratings/property',
      ability: 'ratings.rate_property',
    },
  ],
  routes: [
    { path: '/ratings', element: <RatingsPage />, ability: 'ratings.read' },
    { path: '/ratings/property', element: <RatePropertyPage />, ability: 'ratings.rate_property' },
  ],
};
