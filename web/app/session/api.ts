import { apiGet, apiSend, ApiError } from '../../shared/api';
import type { Me } from './types';

/** null when nobody is signed in (401), so the app can show the login page without a reload. */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    const res = await apiGet<{ data: Me }>('/api/me', { signal, allowAnonymous: true });
    return res.data;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

/** `code`: the one-time code, once the server has answered AUTH_TOTP_REQUIRED. */
export async function login(username: string, password: string, code?: string): Promise<Me> {
  const res = await apiSend<{ data: Me }>(
    'POST',
    '/api/auth/login',
    { username, password, ...(code ? { code } : {}) },
    { allowAnonymous: true },
  );
  return res.data;
}

export async function logout(): Promise<void> {
  await apiSend<void>('POST', '/api/auth/logout', undefined, { allowAnonymous: true });
}
