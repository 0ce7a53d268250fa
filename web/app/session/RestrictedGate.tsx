import { Result } from 'antd';
import type { Me } from './types';
import { PendingVerificationPage } from '../../features/signup/pages/PendingVerificationPage';

/**
 * What a restricted account sees instead of the app (the server refuses everything else until
 * the step is done). One page per restriction.
 */
export function RestrictedGate({ restriction }: { restriction: NonNullable<Me['restriction']> }) {
  if (restriction === 'pending_verification') return <PendingVerificationPage />;
  return <Result status="warning" title="请先完成账号要求的操作" subTitle={restriction === 'password_change' ? '请修改初始密码后继续使用。' : '请绑定动态口令后继续使用。'} />;
}
