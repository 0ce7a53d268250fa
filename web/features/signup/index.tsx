import { lazy } from 'react';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/feature';

const SignupsPage = lazy(() => import('./pages/SignupsPage'));

/** Residents' self-registration and its real-name verification (实名核验) by community staff. */
export const signupFeature: FeatureModule = {
  menu: [
    {
      key: 'signups',
      label: '实名核验',
      icon: <SafetyCertificateOutlined />,
      path: '/signups',
      ability: 'accounts.verify',
    },
  ],
  routes: [{ path: '/signups', element: <SignupsPage />, ability: 'accounts.verify' }],
};
