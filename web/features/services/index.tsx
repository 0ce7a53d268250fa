import { lazy } from 'react';
import { CalendarOutlined, CustomerServiceOutlined, SettingOutlined, ShopOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/feature';

const CataloguePage = lazy(() => import('./pages/CataloguePage'));
const MyBookingsPage = lazy(() => import('./pages/MyBookingsPage'));
const ServiceInboxPage = lazy(() => import('./pages/ServiceInboxPage'));
const ServiceAdminPage = lazy(() => import('./pages/ServiceAdminPage'));

const SERVICES_PAGE = ['services.book', 'services.handle', 'services.manage', 'org.read'];

/** 一站式服务: catalogue, booking and proxy requests, 我的预约, and the staff's inbox. */
export const servicesFeature: FeatureModule = {
  menu: [
    // Those who book, handle or manage services, and anyone who may read the governance tree (a
    // district or street account picks the community there); a department's handler does neither.
    { key: 'services', label: '一站式服务', icon: <ShopOutlined />, path: '/services', ability: SERVICES_PAGE },
    {
      key: 'services-mine',
      label: '我的预约',
      icon: <CalendarOutlined />,
      path: '/services/mine',
      ability: 'services.book',
    },
    {
      key: 'services-inbox',
      label: '服务受理',
      icon: <CustomerServiceOutlined />,
      path: '/services/inbox',
      ability: 'services.handle',
    },
    {
      key: 'services-admin',
      label: '事项与驿站',
      icon: <SettingOutlined />,
      path: '/services/admin',
      ability: 'services.manage',
    },
  ],
  routes: [
    { path: '/services', element: <CataloguePage />, ability: SERVICES_PAGE },
    { path: '/services/mine', element: <MyBookingsPage />, ability: 'services.book' },
    { path: '/services/inbox', element: <ServiceInboxPage />, ability: 'services.handle' },
    { path: '/services/admin', element: <ServiceAdminPage />, ability: 'services.manage' },
  ],
};
