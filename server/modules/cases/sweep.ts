import { and, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import { loadWorkingCalendar } from '../../platform/calendar/load.ts';
import type { Db } from '../../platform/db/open.ts';
import { withTx, type Tx } from '../../platform/db/tx.ts';
import { deadlineColour } from './deadline-steps.ts';
import { STATE_LABELS_ZH } from './lifecycle.ts';
import type { CaseRow } from './load-case.ts';
import { assigneeUsers, notifyUsers, staffAt } from './notify.ts';
import { caseEvents, cases } from './schema.ts';
import { enqueueWebhookEvent } from '../notify/index.ts';

const TIMED_STATES = ['reported', 'dispatched', 'signed', 'extension_requested', 'handled'] as const;
const BATCH = 500;

/** Who is responsible for the current step. */
async function responsible(tx: Tx, c: CaseRow): Promise<number[]> {
  if (c.state === 'reported') return staffAt(tx, c.communityId, ['community_secretary', 'community_staff']);
  if (c.state === 'handled')
    return c.gridId
      ? staffAt(tx, c.gridId, ['grid_worker'])
      : staffAt(tx, c.communityId, ['community_secretary', 'community_staff']);
  return assigneeUsers(tx, c);
}

/** The level above the one that is late ("督办"): grid → community, community/department → street, street → district. */
async function supervisors(tx: Tx, c: CaseRow): Promise<number[]> {
  if (c.state === 'reported' || c.dispatchLevel === 'community' || c.dispatchLevel === 'department')
    return staffAt(tx, c.streetId, ['street_admin']);
  if (c.dispatchLevel === 'grid' || c.state === 'handled') return staffAt(tx, c.communityId, ['community_secretary']);
  const [district] = (
    await tx.execute<{ id: number }>(
      sql`select (string_to_array(trim(both '/' from ${c.scopePath}), '/'))[1]::int as id`,
    )
  ).rows;
  return district ? staffAt(tx, district.id, ['district_admin']) : [];
}

/**
 * Finds cases whose current step is nearly due (yellow) or overdue (red) and has not been
 * announced at that colour yet; notifies the responsible people once and escalates overdue
 * cases to the level above. The colour is stored with a compare-and-set, so two sweeps
 * running at once on two instances notify once.
 */
export async function sweepDeadlines(db: Db, now = new Date()): Promise<{ yellow: number; red: number }> {
  const calendar = await loadWorkingCalendar(db);
  const counts = { yellow: 0, red: 0 };
  let afterId = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(cases)
      .where(
        and(
          inArray(cases.state, [...TIMED_STATES]),
          isNotNull(cases.dueAt),
          ne(cases.deadlineNotice, 'red'),
          sql`${cases.dueAt} < ${now.toISOString()}::timestamptz + interval '30 days'`,
          sql`${cases.id} > ${afterId}`,
        ),
      )
      .orderBy(cases.id)
      .limit(BATCH);
    if (!batch.length) return counts;
    afterId = batch[batch.length - 1]!.id;
    for (const c of batch) {
      const colour = deadlineColour(now, c.dueAt, 0.2, c.stepStartedAt ?? undefined, calendar);
      if (colour === 'green' || colour === c.deadlineNotice) continue;
      const sent = await withTx(db, async (tx) => {
        const [claimed] = await tx
          .update(cases)
          .set({ deadlineNotice: colour, ...(colour === 'red' ? { escalationLevel: c.escalationLevel + 1 } : {}) })
          .where(and(eq(cases.id, c.id), eq(cases.version, c.version), eq(cases.deadlineNotice, c.deadlineNotice)))
          .returning();
        if (!claimed) return false;
        const step = STATE_LABELS_ZH[c.state];
        const label = `【${c.caseNo}】${c.title}`;
        if (colour === 'yellow') {
          await notifyUsers(
            tx,
            null,
            await responsible(tx, c),
            c,
            'case.due_soon',
            `${label}（${step}）即将到期，请抓紧办理`,
          );
        } else {
          await notifyUsers(tx, null, await responsible(tx, c), c, 'case.overdue', `${label}（${step}）已超时`);
          await notifyUsers(
            tx,
            null,
            await supervisors(tx, c),
            c,
            'case.supervise',
            `督办：${label}（${step}）已超时，请督促办理`,
          );
          await enqueueWebhookEvent(tx, {
            kind: 'case.supervise',
            scopePath: c.scopePath,
            data: {
              caseId: c.id,
              caseNo: c.caseNo,
              title: c.title,
              state: c.state,
              step,
              level: c.escalationLevel + 1,
            },
          });
          await tx.insert(caseEvents).values({
            caseId: c.id,
            action: 'supervise',
            note: `${step}环节超时，已提级督办`,
            data: { level: c.escalationLevel + 1 },
          });
        }
        return true;
      });
      if (sent) counts[colour]++;
    }
  }
}
