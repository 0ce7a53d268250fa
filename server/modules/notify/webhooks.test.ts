import { createHmac } from 'node:crypto';
import { drizzle } from 'drizzle-orm/node-postgres';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import * as schema from '../../db/schema.ts';
import { createFieldCipher } from '../../platform/crypto.ts';
import type { Db } from '../../platform/db/open.ts';
import { pg } from '../../platform/db/pg-types.ts';
import { withTx } from '../../platform/db/tx.ts';
import { runDueJobs, startWorker } from '../../platform/jobs/queue.ts';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { webhookSignature } from './channels/webhook.ts';
import { deliverHandler } from './deliver.ts';
import { DELIVER_JOB, enqueueWebhookEvent } from './enqueue.ts';
import { notifyDeliveries } from './schema.ts';
import { testSettings } from './testing/settings.ts';
import { startWebhookReceiver } from './testing/webhook-receiver.ts';

let ctx: TestContext;
let admin: Session;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let communityPath: string;
const settings = testSettings({ maxAttempts: 3, backoffSeconds: 30 });

beforeAll(async () => {
  ctx = await createTestApp();
  admin = await loginAs(ctx.app, 'admin');
  receiver = await startWebhookReceiver();
  communityPath = ctx.seed.tree.streets[0]!.communities[0]!.path;
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/notify/webhooks',
    headers: admin.headers,
    payload: { name: '区数据中台', url: receiver.url, kinds: ['case.created', 'case.closed'] },
  });
  expect(res.statusCode, res.body).toBe(201);
  receiver.setSecret(res.json().data.secret);
});
afterAll(async () => {
  await receiver.close();
  await ctx.close();
});

const handlers = () => ({ [DELIVER_JOB]: deliverHandler(settings, createFieldCipher(ctx.deps.config.dataKey)) });
const emit = (caseNo: string, kind = 'case.created') =>
  withTx(ctx.db, (tx) =>
    enqueueWebhookEvent(tx, { kind, scopePath: communityPath, data: { caseNo, title: '路灯不亮' } }),
  );
const deliveryOf = async (caseNo: string) =>
  (
    await ctx.db
      .select()
      .from(notifyDeliveries)
      .where(sql`${notifyDeliveries.body}::jsonb -> 'data' ->> 'caseNo' = ${caseNo}`)
  )[0]!;
/** Makes the queued retries due now, as if their backoff had passed. */
const fastForward = () =>
  ctx.pool.query(`update jobs set run_at = now() where kind = $1 and state = 'queued'`, [DELIVER_JOB]);

describe('outbound webhooks', () => {
  it('signs HMAC-SHA256 over timestamp + "." + body (hex, sha256= prefix)', () => {
    const expected = createHmac('sha256', 'key').update('1700000000.{"a":1}').digest('hex');
    expect(webhookSignature('key', '1700000000', '{"a":1}')).toBe(`sha256=${expected}`);
    expect(webhookSignature('key', '1700000000', '{"a":1}')).not.toBe(webhookSignature('key', '1700000001', '{"a":1}'));
  });

  it('delivers a signed event the receiver verifies; a wrong secret is refused and retried', async () => {
    await emit('GS-1');
    await runDueJobs(ctx.db, handlers());
    const d = await deliveryOf('GS-1');
    expect(d.status).toBe('sent');
    expect(receiver.counts.get(String(d.id))).toBe(1);
    expect(receiver.bodies.at(-1)).toMatchObject({ event: 'case.created', data: { caseNo: 'GS-1' } });

    receiver.setSecret('not-the-secret');
    await emit('GS-2');
    await runDueJobs(ctx.db, handlers());
    const refused = await deliveryOf('GS-2');
    expect(receiver.badSignatures).toBe(1);
    expect(refused).toMatchObject({ status: 'retrying', attempts: 1, lastError: '接收方返回 HTTP 401' });
  });

  it('retries with doubling waits, then files a dead letter an administrator re-sends', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/notify/webhooks', headers: admin.headers });
    expect(res.json().data).toHaveLength(1);
    // Bring back the right secret (a fresh subscriber: the old one's secret is not shown again).
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/notify/webhooks',
      headers: admin.headers,
      payload: { name: '应急指挥平台', url: receiver.url, kinds: ['case.closed'] },
    });
    receiver.setSecret(created.json().data.secret);
    receiver.failNext(10);
    await emit('GS-3', 'case.closed');
    const hookId = created.json().data.id;
    const mine = async () =>
      (await ctx.db.select().from(notifyDeliveries).where(eq(notifyDeliveries.webhookId, hookId)))[0]!;
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const before = Date.now();
      await runDueJobs(ctx.db, handlers());
      const d = await mine();
      expect(d.attempts).toBe(attempt);
      if (attempt < 3) {
        expect(d.status).toBe('retrying');
        waits.push(Math.round((d.nextAttemptAt!.getTime() - before) / 1000));
        await fastForward();
      } else expect(d.status).toBe('dead');
    }
    expect(waits[0]).toBeGreaterThanOrEqual(29);
    expect(waits[0]).toBeLessThanOrEqual(32);
    expect(waits[1]).toBeGreaterThanOrEqual(59);
    expect(waits[1]).toBeLessThanOrEqual(62);

    const letterId = (await mine()).id;
    const dead = (
      await ctx.app.inject({ method: 'GET', url: '/api/notify/deliveries?status=dead', headers: admin.headers })
    ).json().data;
    const letter = dead.find((d: { id: number }) => d.id === letterId);
    expect(letter).toMatchObject({ channel: 'webhook', status: 'dead', attempts: 3, lastError: '接收方返回 HTTP 500' });
    receiver.failNext(0);
    const resend = await ctx.app.inject({
      method: 'POST',
      url: `/api/notify/deliveries/${(await mine()).id}/resend`,
      headers: admin.headers,
    });
    expect(resend.statusCode, resend.body).toBe(200);
    expect(resend.json().data.status).toBe('queued');
    const again = await ctx.app.inject({
      method: 'POST',
      url: `/api/notify/deliveries/${(await mine()).id}/resend`,
      headers: admin.headers,
    });
    expect(again.statusCode).toBe(409);
    await runDueJobs(ctx.db, handlers());
    expect(await mine()).toMatchObject({ status: 'sent', attempts: 1 });
    expect(receiver.counts.get(String((await mine()).id))).toBe(1);
  });

  it('two workers on two connections claiming at once deliver every event exactly once', async () => {
    await ctx.pool.query(`update notify_webhooks set active = false where name = '应急指挥平台'`);
    const slow = await startWebhookReceiver({ delayMs: 15 });
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/notify/webhooks',
      headers: admin.headers,
      payload: { name: '计数接收方', url: slow.url, kinds: ['case.supervise'] },
    });
    slow.setSecret(created.json().data.secret);
    const events = 40;
    for (let i = 0; i < events; i++) await emit(`GS-P${i}`, 'case.supervise');
    const pools = [0, 1].map(() => new pg.Pool({ connectionString: inject('databaseUrl'), max: 1 }));
    const handled = [0, 0];
    const workers = pools.map((pool, i) =>
      startWorker(
        drizzle(pool, { schema }) as Db,
        {
          [DELIVER_JOB]: async (job) => {
            handled[i]!++;
            await handlers()[DELIVER_JOB](job);
          },
        },
        { pollMs: 10 },
      ),
    );
    const deadline = Date.now() + 60_000;
    while ([...slow.counts.values()].length < events && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    await Promise.all(workers.map((w) => w.stop()));
    await Promise.all(pools.map((p) => p.end()));
    await slow.close();
    expect(slow.counts.size).toBe(events);
    // Both instances took part: the test is about contention, not one worker doing everything.
    expect(handled[0]).toBeGreaterThan(0);
    expect(handled[1]).toBeGreaterThan(0);
    expect(handled[0]! + handled[1]!).toBe(events);
    expect([...slow.counts.values()].every((n) => n === 1)).toBe(true);
    const { rows } = await ctx.pool.query(
      `select count(*)::int as n from notify_deliveries where kind = 'case.supervise' and status = 'sent' and attempts = 1`,
    );
    expect(rows[0].n).toBe(events);
  });
});
