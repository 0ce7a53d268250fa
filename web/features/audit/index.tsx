import { lazy } from 'react';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/feature';

const AuditChainPage = lazy(() => import('./pages/AuditChainPage'));

export const auditFeature: FeatureModule = {
  menu: [
    {
      key: 'audit-chain',
      label: '审计链校验',
      icon: <SafetyCertificateOutlined />,
      path: '/audit/chain',
      ability: 'audit.read',
    },
  ],
  routes: [{ path: '/audit/chain', element: <AuditChainPage />, ability: 'audit.read' }],
};
