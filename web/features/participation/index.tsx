import { lazy } from 'react';
import { CommentOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/feature';

const ParticipationPage = lazy(() => import('./pages/ParticipationPage'));
const ConsultationPage = lazy(() => import('./pages/ConsultationPage'));
const SurveyPage = lazy(() => import('./pages/SurveyPage'));
const VotePage = lazy(() => import('./pages/VotePage'));

/** 居民参与: staff publish consultations, surveys and micro-project votes; verified residents take part. */
const ABILITY = ['participation.manage', 'participation.take_part'] as const;

export const participationFeature: FeatureModule = {
  menu: [
    { key: 'participation', label: '居民参与', icon: <CommentOutlined />, path: '/participation', ability: ABILITY },
  ],
  routes: [
    { path: '/participation', element: <ParticipationPage />, ability: ABILITY },
    { path: '/participation/consultations/:id', element: <ConsultationPage />, ability: ABILITY },
    { path: '/participation/surveys/:id', element: <SurveyPage />, ability: ABILITY },
    { path: '/participation/votes/:id', element: <VotePage />, ability: ABILITY },
  ],
};
