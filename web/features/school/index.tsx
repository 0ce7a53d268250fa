import { lazy } from 'react';
import { BarChartOutlined, ReadOutlined, SolutionOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/feature';

const CatalogPage = lazy(() => import('./pages/CatalogPage'));
const CoursePage = lazy(() => import('./pages/CoursePage'));
const RecordsPage = lazy(() => import('./pages/RecordsPage'));
const StatsPage = lazy(() => import('./pages/StatsPage'));
const CourseEditorPage = lazy(() => import('./pages/CourseEditorPage'));

const LEARN = ['school.study', 'school.manage'];

/** 手机党校 / 网格学院: catalogue, lessons and exams, own records, branch figures, course editor. */
export const schoolFeature: FeatureModule = {
  menu: [
    { key: 'school', label: '手机党校', icon: <ReadOutlined />, path: '/school', ability: LEARN },
    {
      key: 'school-records',
      label: '我的学习',
      icon: <SolutionOutlined />,
      path: '/school/records',
      ability: 'school.study',
    },
    {
      key: 'school-stats',
      label: '学习统计',
      icon: <BarChartOutlined />,
      path: '/school/stats',
      ability: 'school.stats',
    },
  ],
  routes: [
    { path: '/school', element: <CatalogPage />, ability: LEARN },
    { path: '/school/records', element: <RecordsPage />, ability: 'school.study' },
    { path: '/school/stats', element: <StatsPage />, ability: 'school.stats' },
    { path: '/school/new', element: <CourseEditorPage />, ability: 'school.manage' },
    { path: '/school/:id/edit', element: <CourseEditorPage />, ability: 'school.manage' },
    { path: '/school/:id', element: <CoursePage />, ability: LEARN },
  ],
};
