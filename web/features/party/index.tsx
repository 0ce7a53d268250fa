import { lazy } from 'react';
import {
  BankOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  FlagOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { FeatureModule } from '../../app/feature';

const MyPartyPage = lazy(() => import('./pages/MyPartyPage'));
const BranchDeskPage = lazy(() => import('./pages/BranchDeskPage'));
const PostsPage = lazy(() => import('./pages/PostsPage'));
const CoUnitPage = lazy(() => import('./pages/CoUnitPage'));
const PartyOrgsPage = lazy(() => import('./pages/PartyOrgsPage'));
const CommitmentCheckPage = lazy(() => import('./pages/CommitmentCheckPage'));

export const partyFeature: FeatureModule = {
  menu: [
    { key: 'party-me', label: '我的党员主页', icon: <FlagOutlined />, path: '/party/me', ability: 'party.self' },
    {
      key: 'party-branch',
      label: '支部工作台',
      icon: <TeamOutlined />,
      path: '/party/branch',
      ability: 'party.manage',
    },
    { key: 'party-orgs', label: '党组织', icon: <ClusterOutlined />, path: '/party/orgs', ability: 'party.orgs.read' },
    {
      key: 'party-commitments',
      label: '承诺践诺',
      icon: <CheckSquareOutlined />,
      path: '/party/commitments',
      ability: 'party.manage',
    },
    { key: 'party-posts', label: '岗位设置', icon: <SettingOutlined />, path: '/party/posts', ability: 'party.manage' },
    {
      key: 'party-co-unit',
      label: '派出党员',
      icon: <BankOutlined />,
      path: '/party/co-unit',
      ability: 'party.co_unit',
    },
  ],
  routes: [
    { path: '/party/me', element: <MyPartyPage />, ability: 'party.self' },
    { path: '/party/branch', element: <BranchDeskPage />, ability: 'party.manage' },
    { path: '/party/orgs', element: <PartyOrgsPage />, ability: 'party.orgs.read' },
    // No ability: a branch secretary is a party member (the duty, not the role, decides); the API answers 403 to anyone else.
    { path: '/party/commitments', element: <CommitmentCheckPage /> },
    { path: '/party/posts', element: <PostsPage />, ability: 'party.manage' },
    { path: '/party/co-unit', element: <CoUnitPage />, ability: 'party.co_unit' },
  ],
};
