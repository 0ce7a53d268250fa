import { lazy } from 'react';
import {
  AuditOutlined,
  BankOutlined,
  CloudUploadOutlined,
  HomeOutlined,
  TeamOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import type { FeatureModule } from '../../app/feature';

const ResidentsPage = lazy(() => import('./pages/ResidentsPage'));
const HousesPage = lazy(() => import('./pages/HousesPage'));
const HouseDetailPage = lazy(() => import('./pages/HouseDetailPage'));
const EntitiesPage = lazy(() => import('./pages/EntitiesPage'));
const ComponentsPage = lazy(() => import('./pages/ComponentsPage'));
const ImportPage = lazy(() => import('./pages/ImportPage'));
const RevealLogPage = lazy(() => import('./pages/RevealLogPage'));

/** Base data (实有人口、房屋、法人单位、城市部件), its import and the personal-data access log. */
export const peopleFeature: FeatureModule = {
  menu: [
    {
      key: 'people-residents',
      label: '实有人口',
      icon: <TeamOutlined />,
      path: '/people/residents',
      ability: 'people.read',
    },
    { key: 'people-houses', label: '房屋', icon: <HomeOutlined />, path: '/people/houses', ability: 'people.read' },
    {
      key: 'people-entities',
      label: '法人单位',
      icon: <BankOutlined />,
      path: '/people/entities',
      ability: 'people.read',
    },
    {
      key: 'people-components',
      label: '城市部件',
      icon: <ToolOutlined />,
      path: '/people/components',
      ability: 'people.read',
    },
    {
      key: 'people-import',
      label: '数据导入',
      icon: <CloudUploadOutlined />,
      path: '/people/import',
      ability: 'people.import',
    },
    {
      key: 'people-reveal-log',
      label: '个人信息访问记录',
      icon: <AuditOutlined />,
      path: '/people/reveal-log',
      ability: 'audit.read',
    },
  ],
  routes: [
    { path: '/people/residents', element: <ResidentsPage />, ability: 'people.read' },
    { path: '/people/houses', element: <HousesPage />, ability: 'people.read' },
    { path: '/people/houses/:id', element: <HouseDetailPage />, ability: 'people.read' },
    { path: '/people/entities', element: <EntitiesPage />, ability: 'people.read' },
    { path: '/people/components', element: <ComponentsPage />, ability: 'people.read' },
    { path: '/people/import', element: <ImportPage />, ability: 'people.import' },
    { path: '/people/reveal-log', element: <RevealLogPage />, ability: 'audit.read' },
  ],
};
