import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiGet, apiSend, ApiError, readCookie, safeNextPath } from './api';

function stubBrowser(cookie: string, pathname = '/org') {
  const assign = vi.fn();
  vi.stubGlobal('document', { cookie });
  vi.stubGlobal('window', { location: { pathname, search: '', assign } });
  return { assign };
}

function stubFetch(status: number, body?: unknown) {
  const fetch = vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => vi.unstubAllGlobals());

describe('readCookie', () => {
  it('finds one cookie among several and decodes it', () => {
    expect(readCookie('a=1; gh_csrf=x%2By; b=2', 'gh_csrf')).toBe('x+y');
    expect(readCookie('gh_csrf_old=1', 'gh_csrf')).toBeNull();
  });
});

describe('apiSend', () => {
  it('sends the CSRF cookie as x-csrf-token with same-origin credentials', async () => {
    stubBrowser('gh_csrf=tok123');
    const fetch = stubFetch(200, { data: { ok: true } });
    await expect(apiSend('POST', '/api/x', { a: 1 })).resolves.toEqual({ data: { ok: true } });
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.credentials).toBe('same-origin');
    expect((init.headers as Record<string, string>)['x-csrf-token']).toBe('tok123');
    expect(init.body).toBe('{"a":1}');
  });

  it('sends a FormData body (a photo) as it is, leaving the multipart content type to fetch', async () => {
    stubBrowser('gh_csrf=tok123');
    const fetch = stubFetch(201, { data: { id: 5 } });
    const form = new FormData();
    form.append('file', new Blob(['png']), 'a.png');
    await expect(apiSend('POST', '/api/cases/photos', form)).resolves.toEqual({ data: { id: 5 } });
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.body).toBe(form);
    expect((init.headers as Record<string, string>)['content-type']).toBeUndefined();
    expect((init.headers as Record<string, string>)['x-csrf-token']).toBe('tok123');
  });

  it('returns undefined for 204', async () => {
    stubBrowser('gh_csrf=t');
    stubFetch(204);
    await expect(apiSend('POST', '/api/auth/logout', undefined, { allowAnonymous: true })).resolves.toBeUndefined();
  });
});

describe('apiGet', () => {
  it('sends no CSRF header on GET', async () => {
    stubBrowser('gh_csrf=tok');
    const fetch = stubFetch(200, { data: 1 });
    await apiGet('/api/me');
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect((init.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
  });

  it("turns the server's error body into an ApiError with its Chinese message and details", async () => {
    stubBrowser('');
    const details = [{ path: 'username', message: '必填' }];
    stubFetch(422, { error: { code: 'VALIDATION_FAILED', message: '参数错误', details } });
    const err = await apiGet('/api/x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 422, code: 'VALIDATION_FAILED', message: '参数错误', details });
  });

  it('falls back to a generic message when the body is not JSON', async () => {
    stubBrowser('');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>Bad Gateway</html>', { status: 502 })),
    );
    await expect(apiGet('/api/x')).rejects.toMatchObject({ code: 'HTTP_502', message: expect.stringContaining('502') });
  });

  it('redirects to /login with the current path on 401', async () => {
    const { assign } = stubBrowser('', '/map/7');
    stubFetch(401, { error: { code: 'AUTH_REQUIRED', message: '请先登录' } });
    await expect(apiGet('/api/org/nodes/7')).rejects.toBeInstanceOf(ApiError);
    expect(assign).toHaveBeenCalledWith('/login?next=%2Fmap%2F7');
  });

  it('does not redirect on 401 when the caller expects anonymity', async () => {
    const { assign } = stubBrowser('', '/');
    stubFetch(401, { error: { code: 'AUTH_REQUIRED', message: '请先登录' } });
    await expect(apiGet('/api/me', { allowAnonymous: true })).rejects.toMatchObject({ status: 401 });
    expect(assign).not.toHaveBeenCalled();
  });
});

describe('safeNextPath', () => {
  it.each([
    ['/map/3?grid=4', '/map/3?grid=4'],
    [null, '/'],
    ['//evil.example/x', '/'],
    ['https://evil.example', '/'],
  ])('%s → %s', (input, expected) => expect(safeNextPath(input)).toBe(expected));
});
