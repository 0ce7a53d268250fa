import { lazy } from 'react';
import { CalendarOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/feature';

const CalendarPage = lazy(() => import('./pages/CalendarPage'));

/** The working-day calendar every deadline is counted on (节假日与调休). */
export const calendarFeature: FeatureModule = {
  menu: [
    {
      key: 'calendar',
      label: '工作日历',
      icon: <CalendarOutlined />,
      path: '/settings/calendar',
      ability: 'calendar.manage',
    },
  ],
  routes: [{ path: '/settings/calendar', element: <CalendarPage />, ability: 'calendar.manage' }],
};
