import { lazy } from 'react';
import { FlagOutlined, TeamOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/feature';

const MyPartyPage = lazy(() => import('./pages/MyPartyPage'));
const BranchDeskPage = lazy(() => import('./pages/BranchDeskPage'));

export const partyFeature: FeatureModule = {
  menu: [
    { key: 'party-me', label: '我的党员主页', icon: <FlagOutlined />, path: '/party/me', ability: 'party.self' },
    { key: 'party-branch', label: '支部工作台', icon: <TeamOutlined />, path: '/party/branch', ability: 'party.manage' },
  ],
  routes: [
    { path: '/party/me', element: <MyPartyPage />, ability: 'party.self' },
    { path: '/party/branch', element: <BranchDeskPage />, ability: 'party.manage' },
  ],
};
