import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Button, Result, Spin } from 'antd';
import { errorMessage } from '../../shared/api';
import { fetchMe, logout as logoutRequest } from './api';
import { offlineMe, rememberMe } from './offline-me';
import { forgetCachedReads } from '../../pwa/register';
import type { Me } from './types';

type Status = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; me: Me | null };

interface Session {
  /** null: signed out. Only defined once /api/me answered (see SessionProvider). */
  me: Me | null;
  signedIn: (me: Me) => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** Asks the server who is signed in once, before any page renders. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetchMe(controller.signal).then(
      (me) => {
        rememberMe(me);
        setStatus({ state: 'ready', me });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        // Offline: open as the account last signed in here (the patrol queue works without signal).
        const remembered = offlineMe(error);
        setStatus(remembered ? { state: 'ready', me: remembered } : { state: 'error', error });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const signedIn = useCallback((me: Me) => {
    rememberMe(me);
    setStatus({ state: 'ready', me });
  }, []);
  const signOut = useCallback(async () => {
    // Even if the request fails the user asked to leave. A full reload, not a route change:
    // nothing the previous user loaded may stay in memory for the next one at this desk.
    rememberMe(null);
    forgetCachedReads();
    await logoutRequest().catch(() => undefined);
    window.location.assign('/login');
  }, []);

  const me = status.state === 'ready' ? status.me : null;
  const value = useMemo(() => ({ me, signedIn, signOut }), [me, signedIn, signOut]);

  if (status.state === 'loading') {
    return <Spin size="large" fullscreen description="正在加载…" />;
  }
  if (status.state === 'error') {
    return (
      <Result
        status="error"
        title="无法连接服务器"
        subTitle={errorMessage(status.error)}
        extra={<Button onClick={() => setAttempt((a) => a + 1)}>重试</Button>}
      />
    );
  }
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside SessionProvider');
  return session;
}

/** For pages behind RequireSession, where a signed-in user is guaranteed. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe used outside RequireSession');
  return me;
}

export function hasAbility(me: Me, ability: string | undefined): boolean {
  return !ability || me.abilities.includes(ability);
}
