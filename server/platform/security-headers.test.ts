import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../test/test-app.ts';
import { readConfig } from './config.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => {
  await ctx.close();
});

describe('security headers', () => {
  it('send a script policy without inline scripts, frame-ancestors, nosniff and a referrer policy on API answers', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/me' });
    expect(res.statusCode).toBe(401);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('leave the API documentation reachable', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
  });
});

describe('readConfig in production', () => {
  it.each([[{}], [{ GH_DATA_KEY: 'gridhive-development-key-change-me' }]])(
    'refuses to start without a real data key (%o)',
    (env) => {
      expect(() => readConfig({ NODE_ENV: 'production', ...env })).toThrow(/GH_DATA_KEY/);
    },
  );

  it('starts in production with a data key of its own', () => {
    expect(readConfig({ NODE_ENV: 'production', GH_DATA_KEY: 'a-long-random-secret' }).dataKey).toBe(
      'a-long-random-secret',
    );
  });
});

describe('security headers over HTTPS', () => {
  it('add HSTS and upgrade-insecure-requests when the site is served securely', async () => {
    const { default: Fastify } = await import('fastify');
    const { registerSecurityHeaders } = await import('./security-headers.ts');
    const app = Fastify();
    await registerSecurityHeaders(app, true);
    app.get('/x', async () => ({ ok: true }));
    try {
      const res = await app.inject({ method: 'GET', url: '/x' });
      expect(res.headers['strict-transport-security']).toBe('max-age=15552000; includeSubDomains');
      expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
      expect(String(res.headers['content-security-policy'])).toContain("script-src 'self';");
    } finally {
      await app.close();
    }
  });
});
