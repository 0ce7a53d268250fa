import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCipher } from '../../platform/crypto.ts';
import { withTx } from '../../platform/db/tx.ts';
import { runDueJobs } from '../../platform/jobs/queue.ts';
import { createTestApp, type TestContext } from '../../test/test-app.ts';
import { deliverHandler } from './deliver.ts';
import { DELIVER_JOB, enqueueNoticeDeliveries } from './enqueue.ts';
import { notifyChoices, notifyDeliveries, notifySettings } from './schema.ts';
import { testSettings } from './testing/settings.ts';
import { startSmsGateway } from './testing/sms-gateway.ts';
import { startSmtpReceiver } from './testing/smtp-receiver.ts';

/** E-mail and SMS each go through a real server: smtp-server receives the mail, a local SendSms endpoint checks signatures. */
let ctx: TestContext;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let gateway: Awaited<ReturnType<typeof startSmsGateway>>;
let userId: number;
const cipher = createFieldCipher('test-key');

beforeAll(async () => {
  ctx = await createTestApp();
  smtp = await startSmtpReceiver({ user: 'mailer', pass: 'mail-pass' });
  gateway = await startSmsGateway('LTAI-test-id', 'gateway-secret');
  userId = (await ctx.pool.query(`select id from users where username = 'gridworker'`)).rows[0].id;
  await ctx.db.insert(notifySettings).values({ userId, email: 'wang.wei@example.cn', phone: '13912345678' });
  await ctx.db.insert(notifyChoices).values([
    { userId, topic: 'task', channel: 'email' },
    { userId, topic: 'task', channel: 'sms' },
    { userId, topic: 'progress', channel: 'sms' },
  ]);
});
afterAll(async () => {
  await smtp.close();
  await gateway.close();
  await ctx.close();
});

const settings = (secret = 'gateway-secret') =>
  testSettings({
    smtp: {
      host: '127.0.0.1',
      port: smtp.port,
      user: 'mailer',
      pass: 'mail-pass',
      from: '网格治理 <noreply@gridhive.test>',
      secure: false,
    },
    sms: {
      endpoint: gateway.endpoint,
      accessKeyId: 'LTAI-test-id',
      accessKeySecret: secret,
      signName: '网格治理',
      templateCode: 'SMS_123456',
    },
  });
const run = (s = settings()) => runDueJobs(ctx.db, { [DELIVER_JOB]: deliverHandler(s, cipher) });
const notify = (kind: string, text: string) =>
  withTx(ctx.db, (tx) => enqueueNoticeDeliveries(tx, [{ userId, kind, text }]));
const rowsOf = (kind: string) => ctx.db.select().from(notifyDeliveries).where(eq(notifyDeliveries.kind, kind));

describe('outside channels', () => {
  it('mails a task notice in Chinese to the chosen address and texts it through the signed SMS gateway', async () => {
    expect(await notify('case.dispatch', '【GS2026】楼道堆物 已派遣给您，请签收')).toBe(2);
    await run();
    expect(smtp.messages).toHaveLength(1);
    const { mail, envelopeTo } = smtp.messages[0]!;
    expect(envelopeTo).toEqual(['wang.wei@example.cn']);
    expect(mail.subject).toBe('【网格治理】待办提醒');
    expect(mail.text?.trim()).toBe('【GS2026】楼道堆物 已派遣给您，请签收');
    expect(gateway.accepted).toHaveLength(1);
    expect(gateway.accepted[0]).toMatchObject({
      PhoneNumbers: '13912345678',
      SignName: '网格治理',
      TemplateCode: 'SMS_123456',
    });
    expect(JSON.parse(gateway.accepted[0]!.TemplateParam!).content).toContain('楼道堆物');
    const rows = await rowsOf('case.dispatch');
    expect(rows.map((r) => [r.channel, r.status, r.attempts, r.recipientMasked]).sort()).toEqual([
      ['email', 'sent', 1, 'w***@example.cn'],
      ['sms', 'sent', 1, '139****5678'],
    ]);
  });

  it('sends only on the channels chosen for the notice topic', async () => {
    expect(await notify('case.close', '您反映的问题已结案')).toBe(1);
    expect(await notify('case.due_soon', '即将到期')).toBe(0);
    await run();
    expect(smtp.messages).toHaveLength(1);
    expect(gateway.accepted).toHaveLength(2);
  });

  it('records the gateway refusing a wrongly signed request and retries later', async () => {
    await notify('case.rework', '核查未通过，需返工');
    await run(settings('wrong-secret'));
    expect(gateway.rejected).toContain('SignatureDoesNotMatch');
    const sms = (await rowsOf('case.rework')).find((r) => r.channel === 'sms')!;
    expect(sms.status).toBe('retrying');
    expect(sms.attempts).toBe(1);
    expect(sms.lastError).toContain('SignatureDoesNotMatch');
    expect(sms.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + 25_000);
  });

  it('does not send on a channel the server has no configuration for', async () => {
    await notify('wish.dispatch', '社区派单：帮助独居老人买菜');
    await run(testSettings());
    const rows = await rowsOf('wish.dispatch');
    expect(rows.every((r) => r.status === 'retrying' && /未配置/.test(r.lastError ?? ''))).toBe(true);
  });
});
