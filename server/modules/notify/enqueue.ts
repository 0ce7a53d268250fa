import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { WEBHOOK_EVENT_LABELS } from '../../../contracts/notify.ts';
import type { Queryable, Tx } from '../../platform/db/tx.ts';
import { enqueueJob } from '../../platform/jobs/queue.ts';
import { maskPhone } from '../../platform/masking.ts';
import { users } from '../accounts/schema.ts';
import { orgNodes } from '../org/schema.ts';
import { quietHoursRelease } from './quiet-hours.ts';
import { notifyAreaSubscriptions, notifyChoices, notifyDeliveries, notifySettings, notifyWebhooks } from './schema.ts';
import { isUrgent, subjectOf, topicOf } from './topics.ts';

export const DELIVER_JOB = 'notify.deliver';

export function maskEmail(email: string): string {
  const [name, domain] = email.split('@');
  return `${name!.slice(0, 1)}***@${domain ?? ''}`;
}

/**
 * Queues the outside deliveries of in-app notices, inside the caller's transaction: the notice and
 * its deliveries commit together or not at all. Each user's chosen channels for the notice's topic
 * are used; a non-urgent notice inside the user's quiet hours waits for their end.
 */
export async function enqueueNoticeDeliveries(
  tx: Tx,
  notices: { userId: number; kind: string; text: string }[],
  now = new Date(),
): Promise<number> {
  if (!notices.length) return 0;
  const userIds = [...new Set(notices.map((n) => n.userId))];
  const choices = await tx.select().from(notifyChoices).where(inArray(notifyChoices.userId, userIds));
  if (!choices.length) return 0;
  const chosen = new Set(choices.map((c) => `${c.userId}:${c.topic}:${c.channel}`));
  const settings = new Map(
    (await tx.select().from(notifySettings).where(inArray(notifySettings.userId, userIds))).map((s) => [s.userId, s]),
  );
  const scopes = new Map(
    (
      await tx
        .select({ id: users.id, path: orgNodes.path })
        .from(users)
        .leftJoin(orgNodes, eq(orgNodes.id, users.scopeNodeId))
        .where(inArray(users.id, userIds))
    ).map((u) => [u.id, u.path]),
  );
  let queued = 0;
  for (const notice of notices) {
    const s = settings.get(notice.userId);
    const topic = topicOf(notice.kind);
    const urgent = isUrgent(notice.kind);
    const release = urgent ? null : quietHoursRelease(s, now);
    const targets = [
      { channel: 'email' as const, address: s?.email, masked: s?.email ? maskEmail(s.email) : '' },
      { channel: 'sms' as const, address: s?.phone, masked: maskPhone(s?.phone) ?? '' },
    ].filter((t) => t.address && chosen.has(`${notice.userId}:${topic}:${t.channel}`));
    for (const target of targets) {
      const [row] = await tx
        .insert(notifyDeliveries)
        .values({
          channel: target.channel,
          userId: notice.userId,
          recipientMasked: target.masked,
          kind: notice.kind,
          subject: subjectOf(notice.kind),
          body: notice.text,
          urgent,
          scopePath: scopes.get(notice.userId) ?? null,
          status: release ? 'deferred' : 'queued',
          nextAttemptAt: release ?? now,
        })
        .returning({ id: notifyDeliveries.id });
      await enqueueJob(tx, DELIVER_JOB, { deliveryId: row!.id }, { runAt: release ?? now });
      queued++;
    }
  }
  return queued;
}

/**
 * Queues one signed POST per active webhook subscriber that takes this event kind and whose area
 * covers the event. The JSON body is fixed now, so every retry sends the same bytes.
 */
export async function enqueueWebhookEvent(
  tx: Tx,
  event: { kind: string; scopePath: string; data: Record<string, unknown> },
  now = new Date(),
): Promise<number> {
  const subscribers = await tx
    .select()
    .from(notifyWebhooks)
    .where(
      and(
        eq(notifyWebhooks.active, true),
        sql`${notifyWebhooks.kinds} @> ${JSON.stringify([event.kind])}::jsonb`,
        sql`${event.scopePath} like ${notifyWebhooks.scopePath} || '%'`,
      ),
    );
  for (const hook of subscribers) {
    const body = JSON.stringify({
      id: randomUUID(),
      event: event.kind,
      occurredAt: now.toISOString(),
      data: event.data,
    });
    const [row] = await tx
      .insert(notifyDeliveries)
      .values({
        channel: 'webhook',
        webhookId: hook.id,
        recipientMasked: `${hook.name}（${new URL(hook.url).host}）`,
        kind: event.kind,
        subject: `Webhook：${WEBHOOK_EVENT_LABELS[event.kind as keyof typeof WEBHOOK_EVENT_LABELS] ?? event.kind}`,
        body,
        urgent: event.kind === 'case.supervise',
        scopePath: event.scopePath,
        nextAttemptAt: now,
      })
      .returning({ id: notifyDeliveries.id });
    await enqueueJob(tx, DELIVER_JOB, { deliveryId: row!.id }, { runAt: now });
  }
  return subscribers.length;
}

/** Users subscribed to new (or closed) cases of the case's grid or community. */
export async function areaAlertRecipients(
  tx: Tx,
  place: { gridId: number | null; communityId: number },
  event: 'new' | 'closed',
): Promise<number[]> {
  const nodes = [place.communityId, ...(place.gridId ? [place.gridId] : [])];
  const rows = await tx
    .selectDistinct({ userId: notifyAreaSubscriptions.userId })
    .from(notifyAreaSubscriptions)
    .where(
      and(
        inArray(notifyAreaSubscriptions.nodeId, nodes),
        event === 'new' ? eq(notifyAreaSubscriptions.onNew, true) : eq(notifyAreaSubscriptions.onClosed, true),
      ),
    );
  return rows.map((r) => r.userId);
}

/**
 * SQL truth of "someone listens for this event at this place": an area subscriber of its grid or
 * community, or an active webhook whose area covers it. An expression, so that a caller folds the
 * check into a statement it sends anyway: a report nobody listens to skips the explicit
 * transaction (cases' one-statement report), and learns so from its first read.
 */
export function listenedCondition(place: { gridId: SQL; communityId: SQL; path: SQL }, event: 'new' | 'closed'): SQL {
  const kind = event === 'new' ? 'case.created' : 'case.closed';
  return sql`(exists (
        select 1 from ${notifyAreaSubscriptions} s
        where s.node_id in (${place.gridId}, ${place.communityId})
          and ${event === 'new' ? sql.raw('s.on_new') : sql.raw('s.on_closed')}
      ) or exists (
        select 1 from ${notifyWebhooks} w
        where w.active and w.kinds @> ${JSON.stringify([kind])}::jsonb and ${place.path} like w.scope_path || '%'
      ))`;
}

/** Of these places, the ones someone listens to for the event, in one read. */
export async function listenedPlaces(
  q: Queryable,
  places: { gridId: number | null; communityId: number; scopePath: string }[],
  event: 'new' | 'closed',
): Promise<Set<string>> {
  if (!places.length) return new Set();
  const { rows } = await q.execute<{ path: string }>(sql`
    select p.path from unnest(${sql.param(places.map((p) => p.gridId))}::int[],
                              ${sql.param(places.map((p) => p.communityId))}::int[],
                              ${sql.param(places.map((p) => p.scopePath))}::text[]) as p(grid_id, community_id, path)
    where ${listenedCondition({ gridId: sql`p.grid_id`, communityId: sql`p.community_id`, path: sql`p.path` }, event)}`);
  return new Set(rows.map((r) => r.path));
}
