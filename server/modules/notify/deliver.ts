import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { NotifySettings } from '../../platform/config.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { Db } from '../../platform/db/open.ts';
import { withTx } from '../../platform/db/tx.ts';
import { enqueueJob, LEASE_SECONDS, type JobHandler } from '../../platform/jobs/queue.ts';
import { sendEmail } from './channels/email.ts';
import { sendSms } from './channels/sms.ts';
import { sendWebhook } from './channels/webhook.ts';
import { DELIVER_JOB } from './enqueue.ts';
import { notifyDeliveries, notifySettings, notifyWebhooks } from './schema.ts';

type DeliveryRow = typeof notifyDeliveries.$inferSelect;

/** Wait before attempt n+1 after n failures: backoff, 2×, 4× … (capped at a day). */
export function backoffSeconds(settings: NotifySettings, failures: number): number {
  return Math.min(86_400, settings.backoffSeconds * 2 ** (failures - 1));
}

/**
 * Takes the delivery for this attempt with one conditional UPDATE: whichever worker flips it to
 * 'sending' sends it, so a duplicate job (a re-send clicked twice, a lease taken over) cannot
 * send twice. A 'sending' row older than a job lease belongs to a worker that died mid-send.
 */
async function claimDelivery(db: Db, id: number): Promise<DeliveryRow | null> {
  const [row] = await db
    .update(notifyDeliveries)
    .set({ status: 'sending', attempts: sql`${notifyDeliveries.attempts} + 1`, claimedAt: sql`now()` })
    .where(
      and(
        eq(notifyDeliveries.id, id),
        or(
          inArray(notifyDeliveries.status, ['queued', 'deferred', 'retrying']),
          and(
            eq(notifyDeliveries.status, 'sending'),
            lt(notifyDeliveries.claimedAt, sql`now() - make_interval(secs => ${LEASE_SECONDS})`),
          ),
        ),
      ),
    )
    .returning();
  return row ?? null;
}

async function send(db: Db, settings: NotifySettings, cipher: FieldCipher, d: DeliveryRow): Promise<void> {
  if (d.channel === 'webhook') {
    const [hook] = await db.select().from(notifyWebhooks).where(eq(notifyWebhooks.id, d.webhookId!));
    if (!hook) throw new Error('Webhook 订阅已删除');
    return sendWebhook({ url: hook.url, secret: cipher.decrypt(hook.secretEnc) }, d, settings.webhookTimeoutMs);
  }
  const [s] = await db.select().from(notifySettings).where(eq(notifySettings.userId, d.userId!));
  if (d.channel === 'email') {
    if (!settings.smtp) throw new Error('电子邮件渠道未配置');
    if (!s?.email) throw new Error('用户已删除电子邮件地址');
    await sendEmail(settings.smtp, s.email, d.subject, d.body);
    return;
  }
  if (!settings.sms) throw new Error('短信渠道未配置');
  if (!s?.phone) throw new Error('用户已删除手机号');
  await sendSms(settings.sms, s.phone, d.body);
}

/** One attempt at one delivery; failures are recorded and retried with backoff until they become dead letters. */
export async function deliverOne(
  db: Db,
  settings: NotifySettings,
  cipher: FieldCipher,
  deliveryId: number,
): Promise<DeliveryRow['status'] | 'skipped'> {
  const d = await claimDelivery(db, deliveryId);
  if (!d) return 'skipped';
  try {
    await send(db, settings, cipher, d);
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    const dead = d.attempts >= settings.maxAttempts;
    const runAt = new Date(Date.now() + backoffSeconds(settings, d.attempts) * 1000);
    // The outcome and the next attempt's job commit together: a retrying row always has its job.
    await withTx(db, async (tx) => {
      await tx
        .update(notifyDeliveries)
        .set({ status: dead ? 'dead' : 'retrying', lastError: message, nextAttemptAt: dead ? null : runAt })
        .where(eq(notifyDeliveries.id, d.id));
      if (!dead) await enqueueJob(tx, DELIVER_JOB, { deliveryId: d.id }, { runAt });
    });
    return dead ? 'dead' : 'retrying';
  }
  await db
    .update(notifyDeliveries)
    .set({ status: 'sent', sentAt: sql`now()`, lastError: null, nextAttemptAt: null })
    .where(eq(notifyDeliveries.id, d.id));
  return 'sent';
}

export function deliverHandler(settings: NotifySettings, cipher: FieldCipher): JobHandler {
  return async ({ db, job }) => {
    await deliverOne(db, settings, cipher, Number(job.payload.deliveryId));
  };
}
