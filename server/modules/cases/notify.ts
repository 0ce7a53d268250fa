import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/db/tx.ts';
import { LIVE_CHANNEL, publishLive } from '../../platform/live/events.ts';
import { liveEvents } from '../../platform/jobs/schema.ts';
import { users } from '../accounts/schema.ts';
import {
  areaAlertRecipients,
  enqueueNoticeDeliveries,
  enqueueWebhookEvent,
  listenedCondition,
} from '../notify/index.ts';

export { listenedCondition };
import { STATE_LABELS_ZH, type CaseAction } from './lifecycle.ts';
import type { CaseRow } from './load-case.ts';
import { caseFollowers, notifications } from './schema.ts';

/** Accounts that work a case at its assigned level. */
export async function assigneeUsers(tx: Tx, c: CaseRow): Promise<number[]> {
  if (c.dispatchLevel === 'department' && c.departmentId) {
    return (
      await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, 'department_handler'), eq(users.departmentId, c.departmentId)))
    ).map((u) => u.id);
  }
  const roles = {
    grid: ['grid_worker'],
    community: ['community_secretary', 'community_staff'],
    street: ['street_admin'],
  }[c.dispatchLevel as 'grid' | 'community' | 'street'];
  if (!roles || !c.assigneeNodeId) return [];
  return staffAt(tx, c.assigneeNodeId, roles);
}

export async function staffAt(tx: Tx, nodeId: number, roles: string[]): Promise<number[]> {
  return (
    await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.scopeNodeId, nodeId), inArray(users.role, roles as never[])))
  ).map((u) => u.id);
}

async function reporterAndFollowers(tx: Tx, c: CaseRow): Promise<number[]> {
  const followers = (
    await tx.select({ userId: caseFollowers.userId }).from(caseFollowers).where(eq(caseFollowers.caseId, c.id))
  ).map((f) => f.userId);
  return [...new Set([c.reporterUserId, ...followers].filter((id): id is number => id !== null))];
}

/** Writes notification rows and pushes each recipient a live event; skips the actor themself. */
export async function notifyUsers(
  tx: Tx,
  actor: Actor | null,
  userIds: number[],
  c: CaseRow,
  kind: string,
  text: string,
): Promise<void> {
  const recipients = [...new Set(userIds)].filter((id) => id !== actor?.userId);
  if (!recipients.length) return;
  await tx.insert(notifications).values(recipients.map((userId) => ({ userId, caseId: c.id, kind, text })));
  // E-mail / SMS on the channels each recipient chose: queued in this transaction, sent by the job queue.
  await enqueueNoticeDeliveries(
    tx,
    recipients.map((userId) => ({ userId, kind, text })),
  );
  for (const userId of recipients)
    await publishLive(tx, { topic: 'notification', userId, payload: { caseId: c.id, caseNo: c.caseNo, kind, text } });
}

export interface NotificationRow {
  userId: number;
  caseId: number;
  caseNo: string;
  kind: string;
  text: string;
}

/**
 * Many notifications in two statements (rows, then their live events with one NOTIFY): a burst
 * of device alarms tells hundreds of grid workers at once without a round trip per person.
 */
export async function notifyMany(tx: Tx, rows: NotificationRow[]): Promise<void> {
  if (!rows.length) return;
  await tx.insert(notifications).values(rows.map(({ userId, caseId, kind, text }) => ({ userId, caseId, kind, text })));
  await enqueueNoticeDeliveries(tx, rows);
  await tx.execute(sql`
    with published as (
      insert into ${liveEvents} (topic, user_id, payload)
      select 'notification', r.user_id, jsonb_build_object('caseId', r.case_id, 'caseNo', r.case_no, 'kind', r.kind, 'text', r.text)
      from unnest(${sql.param(rows.map((r) => r.userId))}::int[], ${sql.param(rows.map((r) => r.caseId))}::int[],
                  ${sql.param(rows.map((r) => r.caseNo))}::text[], ${sql.param(rows.map((r) => r.kind))}::text[],
                  ${sql.param(rows.map((r) => r.text))}::text[]) as r(user_id, case_id, case_no, kind, text)
      returning 1)
    select pg_notify(${LIVE_CHANNEL}, '') from (select 1 from published limit 1) p where version() not like '%PGlite%'`);
}

/** Who hears about a step of the loop: the next person to act, and the reporter at the milestones. */
export async function notifyTransition(
  tx: Tx,
  actor: Actor,
  before: CaseRow,
  after: CaseRow,
  action: CaseAction,
): Promise<void> {
  await publishLive(tx, {
    topic: 'case.changed',
    scopePath: after.scopePath,
    departmentId: after.departmentId,
    payload: { caseId: after.id, caseNo: after.caseNo, state: after.state, action },
  });
  const title = `【${after.caseNo}】${after.title}`;
  const dispatchers = () => staffAt(tx, after.communityId, ['community_secretary', 'community_staff']);
  switch (action) {
    case 'dispatch':
    case 'rework':
    case 'approve_extension':
    case 'refuse_extension':
      return notifyUsers(
        tx,
        actor,
        await assigneeUsers(tx, after),
        after,
        `case.${action}`,
        `${title} ${action === 'rework' ? '核查未通过，需返工' : action === 'dispatch' ? '已派遣给您，请签收' : '延期申请已处理'}`,
      );
    case 'handle':
      return notifyUsers(
        tx,
        actor,
        after.gridId ? await staffAt(tx, after.gridId, ['grid_worker']) : await dispatchers(),
        after,
        'case.verify',
        `${title} 已处置，请现场核查`,
      );
    case 'verify':
      return notifyUsers(tx, actor, await dispatchers(), after, 'case.to_close', `${title} 已核查通过，待结案`);
    case 'return':
    case 'request_extension':
      return notifyUsers(
        tx,
        actor,
        await dispatchers(),
        after,
        `case.${action}`,
        `${title} ${action === 'return' ? `被退回：${after.stateReason ?? ''}` : '申请延期，请审批'}`,
      );
    case 'close':
      await notifyArea(tx, actor, after, 'closed');
      await notifyUsers(
        tx,
        actor,
        await reporterAndFollowers(tx, before),
        after,
        'case.close',
        `您反映的问题${title}${STATE_LABELS_ZH[after.state]}，欢迎评价`,
      );
      return;
    case 'accept':
    case 'reject':
    case 'merge':
      return notifyUsers(
        tx,
        actor,
        await reporterAndFollowers(tx, before),
        after,
        `case.${action}`,
        `您反映的问题${title}${STATE_LABELS_ZH[after.state]}${after.state === 'closed' ? '，欢迎评价' : ''}`,
      );
    default:
      return undefined;
  }
}

/**
 * Area alerts (new or closed cases of a subscribed grid or community) as in-app notices, which also
 * go out on each subscriber's channels; webhook subscribers of the area get the event.
 */
export async function notifyArea(tx: Tx, actor: Actor | null, c: CaseRow, event: 'new' | 'closed'): Promise<void> {
  const subscribers = await areaAlertRecipients(tx, { gridId: c.gridId, communityId: c.communityId }, event);
  await notifyUsers(
    tx,
    actor,
    subscribers,
    c,
    `area.${event}`,
    `您订阅的区域${event === 'new' ? '有新反映的问题' : '有问题已结案'}：【${c.caseNo}】${c.title}`,
  );
  await enqueueWebhookEvent(tx, {
    kind: event === 'new' ? 'case.created' : 'case.closed',
    scopePath: c.scopePath,
    data: {
      caseId: c.id,
      caseNo: c.caseNo,
      title: c.title,
      state: c.state,
      gridId: c.gridId,
      communityId: c.communityId,
    },
  });
}
