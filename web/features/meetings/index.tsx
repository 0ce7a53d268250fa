import { lazy } from 'react';
import { AuditOutlined, NotificationOutlined, SolutionOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/feature';

const MeetingsPage = lazy(() => import('./pages/MeetingsPage'));
const MeetingDetailPage = lazy(() => import('./pages/MeetingDetailPage'));
const DecisionsPage = lazy(() => import('./pages/DecisionsPage'));
const DecisionDetailPage = lazy(() => import('./pages/DecisionDetailPage'));
const CommunityPublicPage = lazy(() => import('./pages/CommunityPublicPage'));

/** 协商议事: meetings with attendance, agenda, minutes and resolutions; 四议两公开 and the public page. */
export const meetingsFeature: FeatureModule = {
  menu: [
    { key: 'meetings', label: '协商议事', icon: <SolutionOutlined />, path: '/meetings', ability: 'meetings.read' },
    { key: 'decisions', label: '四议两公开', icon: <AuditOutlined />, path: '/decisions', ability: 'meetings.read' },
    // Everyone living or working in a community may read its public page; the server decides.
    { key: 'community-public', label: '社区公开栏', icon: <NotificationOutlined />, path: '/community/public' },
  ],
  routes: [
    { path: '/meetings', element: <MeetingsPage />, ability: 'meetings.read' },
    { path: '/meetings/:id', element: <MeetingDetailPage />, ability: 'meetings.read' },
    { path: '/decisions', element: <DecisionsPage />, ability: 'meetings.read' },
    { path: '/decisions/:id', element: <DecisionDetailPage />, ability: 'meetings.read' },
    { path: '/community/public', element: <CommunityPublicPage /> },
    { path: '/communities/:communityId/public', element: <CommunityPublicPage /> },
  ],
};
