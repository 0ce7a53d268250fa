import { lazy } from 'react';
import { IdcardOutlined, SettingOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/feature';

const AccountsPage = lazy(() => import('./pages/AccountsPage'));
const RosterImportPage = lazy(() => import('./pages/RosterImportPage'));
const ProfilePage = lazy(() => import('./pages/ProfilePage'));

/** 账号管理、花名册导入 (administrators) and 个人设置 (everyone). */
export const accountsFeature: FeatureModule = {
  menu: [
    { key: 'accounts', label: '账号管理', icon: <IdcardOutlined />, path: '/accounts', ability: 'accounts.manage' },
    {
      key: 'accounts-roster',
      label: '花名册导入',
      icon: <UsergroupAddOutlined />,
      path: '/accounts/roster',
      ability: 'accounts.manage',
    },
    { key: 'profile', label: '个人设置', icon: <SettingOutlined />, path: '/profile' },
  ],
  routes: [
    { path: '/accounts', element: <AccountsPage />, ability: 'accounts.manage' },
    { path: '/accounts/roster', element: <RosterImportPage />, ability: 'accounts.manage' },
    { path: '/profile', element: <ProfilePage /> },
  ],
};
