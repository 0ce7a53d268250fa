import { lazy } from 'react';
import {
  BarChartOutlined,
  CloudUploadOutlined,
  FileSearchOutlined,
  FormOutlined,
  InboxOutlined,
  MessageOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import type { FeatureModule } from '../../app/feature';
import { NotificationBell } from './components/NotificationBell';
import { LiveStatus } from './components/LiveStatus';

const ReportPage = lazy(() => import('./pages/ReportPage'));
const MyCasesPage = lazy(() => import('./pages/MyCasesPage'));
const InboxPage = lazy(() => import('./pages/InboxPage'));
const CaseDetailPage = lazy(() => import('./pages/CaseDetailPage'));
const IndicatorsPage = lazy(() => import('./pages/IndicatorsPage'));
const CategoryConfigPage = lazy(() => import('./pages/CategoryConfigPage'));
const TemplatesPage = lazy(() => import('./pages/TemplatesPage'));
const HotlineImportPage = lazy(() => import('./pages/HotlineImportPage'));

/** The closed loop (民意诉求闭环): report, inbox by role, case page with its steps, indicators. */
export const casesFeature: FeatureModule = {
  menu: [
    { key: 'cases-inbox', label: '案件办理', icon: <InboxOutlined />, path: '/cases', ability: 'cases.read' },
    { key: 'cases-report', label: '我要上报', icon: <FormOutlined />, path: '/cases/report', ability: 'cases.report' },
    {
      key: 'cases-mine',
      label: '我的上报',
      icon: <FileSearchOutlined />,
      path: '/cases/mine',
      ability: 'cases.report',
    },
    {
      key: 'cases-hotline-import',
      label: '热线工单导入',
      icon: <CloudUploadOutlined />,
      path: '/cases/hotline-import',
      ability: 'cases.dispatch',
    },
    {
      key: 'cases-indicators',
      label: '考核指标',
      icon: <BarChartOutlined />,
      path: '/cases/indicators',
      ability: 'cases.dispatch',
    },
    {
      key: 'cases-categories',
      label: '类别与时限',
      icon: <SettingOutlined />,
      path: '/settings/case-categories',
      ability: 'cases.configure',
    },
    {
      key: 'cases-templates',
      label: '常用回复',
      icon: <MessageOutlined />,
      path: '/settings/case-templates',
      ability: 'cases.configure',
    },
  ],
  routes: [
    { path: '/cases', element: <InboxPage />, ability: 'cases.read' },
    { path: '/cases/report', element: <ReportPage />, ability: 'cases.report' },
    { path: '/cases/mine', element: <MyCasesPage />, ability: 'cases.report' },
    { path: '/cases/hotline-import', element: <HotlineImportPage />, ability: 'cases.dispatch' },
    { path: '/cases/indicators', element: <IndicatorsPage />, ability: 'cases.dispatch' },
    { path: '/settings/case-categories', element: <CategoryConfigPage />, ability: 'cases.configure' },
    { path: '/settings/case-templates', element: <TemplatesPage />, ability: 'cases.configure' },
    // No ability: the server decides who may see a case (reporters, followers, staff in scope).
    { path: '/cases/:id', element: <CaseDetailPage /> },
  ],
  headerWidgets: [<LiveStatus key="live-status" />, <NotificationBell key="cases-notifications" />],
};
