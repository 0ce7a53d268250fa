import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { createTestApp, TEST_PASSWORD, type TestContext } from '../test/test-app.ts';
import { createDeps } from '../deps.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => {
  await ctx.close();
});

async function loginIpSeenBy(trustedProxies: string[]): Promise<string> {
  const deps = createDeps({ ...ctx.deps.config, trustedProxies }, ctx.db);
  const app = await buildApp(deps);
  try {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': '203.0.113.9' },
      payload: { username: 'staff', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const { rows } = await ctx.pool.query(
      `select ip from audit_log where action = 'auth.login' order by id desc limit 1`,
    );
    return rows[0].ip;
  } finally {
    deps.liveHub.close();
    await app.close();
  }
}

describe('X-Forwarded-For', () => {
  it('is ignored unless the peer is a configured proxy, so a client cannot choose its own address', async () => {
    expect(await loginIpSeenBy([])).toBe('127.0.0.1');
  });

  it('names the client when the peer is a configured proxy', async () => {
    expect(await loginIpSeenBy(['127.0.0.1'])).toBe('203.0.113.9');
  });
});
