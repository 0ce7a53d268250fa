import { ApiError } from '../../shared/api';
import type { Me } from './types';

/**
 * The account last signed in on this device, so a grid worker without signal still gets the app
 * (and the patrol queue) instead of "无法连接服务器". Kept only while signed in: sign-out and a
 * 401 from /api/me forget it. Nothing is trusted from it — every request still needs the session
 * cookie, and the server decides.
 */
const KEY = 'gh.lastMe';

export function rememberMe(me: Me | null): void {
  try {
    if (me) localStorage.setItem(KEY, JSON.stringify(me));
    else localStorage.removeItem(KEY);
  } catch {
    // Private mode or a full disk: the app simply does not open offline.
  }
}

/** The remembered account when /api/me failed for want of a network, else null. */
export function offlineMe(error: unknown): Me | null {
  if (!(error instanceof ApiError) || error.status !== 0) return null;
  try {
    const saved = localStorage.getItem(KEY);
    return saved ? (JSON.parse(saved) as Me) : null;
  } catch {
    return null;
  }
}
