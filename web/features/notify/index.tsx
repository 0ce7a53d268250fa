import { lazy } from 'react';
import { AlertOutlined, ApiOutlined, BellOutlined, SendOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/feature';

const NotifySettingsPage = lazy(() => import('./pages/NotifySettingsPage'));
const AreaSubscriptionsPage = lazy(() => import('./pages/AreaSubscriptionsPage'));
const WebhooksPage = lazy(() => import('./pages/WebhooksPage'));
const DeliveriesPage = lazy(() => import('./pages/DeliveriesPage'));

/** 个人设置 → 通知方式 / 区域订阅 (everyone); Webhook 订阅方 and 发送记录 (administrators). */
export const notifyFeature: FeatureModule = {
  menu: [
    {
      key: 'notify-settings',
      label: '通知方式',
      icon: <BellOutlined />,
      path: '/profile/notify',
      ability: 'notify.self',
    },
    { key: 'notify-areas', label: '区域订阅', icon: <AlertOutlined />, path: '/profile/areas', ability: 'notify.self' },
    {
      key: 'notify-webhooks',
      label: 'Webhook 订阅方',
      icon: <ApiOutlined />,
      path: '/settings/webhooks',
      ability: 'notify.manage',
    },
    {
      key: 'notify-deliveries',
      label: '通知发送记录',
      icon: <SendOutlined />,
      path: '/settings/deliveries',
      ability: 'notify.manage',
    },
  ],
  routes: [
    { path: '/profile/notify', element: <NotifySettingsPage />, ability: 'notify.self' },
    { path: '/profile/areas', element: <AreaSubscriptionsPage />, ability: 'notify.self' },
    { path: '/settings/webhooks', element: <WebhooksPage />, ability: 'notify.manage' },
    { path: '/settings/deliveries', element: <DeliveriesPage />, ability: 'notify.manage' },
  ],
};
