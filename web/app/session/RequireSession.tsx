import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Result } from 'antd';
import { useSession } from './SessionContext';
import type { AbilityRule } from '../feature';
import { meetsAbility } from '../menu';
import { restrictedPage } from './RestrictedGate';

export function RequireSession({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const location = useLocation();
  if (!me) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (me.restriction) return restrictedPage(me.restriction);
  return children;
}

/** A page opened by URL without the ability its menu item requires. */
export function RequireAbility({ ability, children }: { ability?: AbilityRule; children: ReactNode }) {
  const { me } = useSession();
  if (!me || !meetsAbility(me, ability)) {
    return <Result status="403" title="无权访问" subTitle="您的账号没有查看此页面的权限。" />;
  }
  return children;
}
