import { lazy } from 'react';
import { CalendarOutlined, CustomerServiceOutlined, SettingOutlined, ShopOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/feature';

const CataloguePage = lazy(() => import('./pages/CataloguePage'));
const MyBookingsPage = lazy(() => import('./pages/MyBookingsPage'));
const ServiceInboxPage = lazy(() => import('./pages/ServiceInboxPage'));
const ServiceAdminPage = lazy(() => import('./pages/ServiceAdminPage'));

/** 一站式服务: catalogue, booking and proxy requests, 我的预约, and the staff's inbox. */
export const servicesFeature: FeatureModule = {
  menu: [
    // Everyone in a community browses its catalogue; booking and proxy buttons follow the server's abilities.
    { key: 'services', label: '一站式服务', icon: <ShopOutlined />, path: '/services' },
    { key: 'services-mine', label: '我的预约', icon: <CalendarOutlined />, path: '/services/mine', ability: 'services.book' },
    { key: 'services-inbox', label: '服务受理', icon: <CustomerServiceOutlined />, path: '/services/inbox', ability: 'services.handle' },
    { key: 'services-admin', label: '事项与驿站', icon: <SettingOutlined />, path: '/services/admin', ability: 'services.manage' },
  ],
  routes: [
    { path: '/services', element: <CataloguePage /> },
    { path: '/services/mine', element: <MyBookingsPage />, ability: 'services.book' },
    { path: '/services/inbox', element: <ServiceInboxPage />, ability: 'services.handle' },
    { path: '/services/admin', element: <ServiceAdminPage />, ability: 'services.manage' },
  ],
};
