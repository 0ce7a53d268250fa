/**
 * The one HTTP client of the web app: same-origin cookies, the CSRF header on every
 * non-GET request, the server's `{ error: { code, message, details } }` turned into ApiError,
 * and a redirect to /login when the session has expired.
 */

export interface ApiErrorDetail {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ApiErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** For /api/me and login: a 401 is an answer there, not an expired session. */
  allowAnonymous?: boolean;
}

export type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const CSRF_COOKIE = 'gh_csrf';

export function readCookie(cookieHeader: string, name: string): string | null {
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      return decodeURIComponent(part.slice(eq + 1).trim());
    }
  }
  return null;
}

export function apiGet<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return request<T>('GET', path, undefined, options);
}

export function apiSend<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  return request<T>(method, path, body, options);
}

async function request<T>(method: string, path: string, body: unknown, options: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // A FormData body (a photo) sets its own multipart content type with the boundary.
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = readCookie(document.cookie, CSRF_COOKIE);
    if (token) headers['x-csrf-token'] = token;
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK_ERROR', '网络连接失败，请检查网络后重试');
  }
  if (res.status === 401 && !options.allowAnonymous) redirectToLogin();
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

async function toApiError(res: Response): Promise<ApiError> {
  // A proxy or crashed server may answer with HTML: fall back to a generic message.
  const payload = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string; details?: ApiErrorDetail[] };
  } | null;
  const e = payload?.error;
  return new ApiError(
    res.status,
    e?.code ?? `HTTP_${res.status}`,
    e?.message ?? `服务暂时不可用（${res.status}），请稍后重试`,
    e?.details ?? [],
  );
}

/** Full reload on purpose: whatever state the app held belongs to the expired session. */
function redirectToLogin(): void {
  const { pathname, search } = window.location;
  if (pathname === '/login') return;
  window.location.assign(`/login?next=${encodeURIComponent(pathname + search)}`);
}

/** Only same-app paths: an attacker-supplied `next=//evil.example` must not leave the site. */
export function safeNextPath(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return '出现未知错误，请刷新页面后重试';
}
