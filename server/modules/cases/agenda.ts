import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/open.ts';
import type { Tx } from '../../platform/db/tx.ts';
import { transitionInTx } from './commands/transition-case.ts';
import { casesScopeWhere } from './policy.ts';
import { caseCategories, cases } from './schema.ts';

/** Cases waiting for deliberation ("上会议事") that the actor can see: the meetings module's agenda source. */
export async function listCasesForAgenda(db: Db, actor: Actor) {
  return db
    .select({
      id: cases.id,
      caseNo: cases.caseNo,
      title: cases.title,
      categoryName: caseCategories.name,
      communityId: cases.communityId,
      reportedAt: cases.reportedAt,
    })
    .from(cases)
    .leftJoin(caseCategories, eq(caseCategories.id, cases.categoryId))
    .where(and(eq(cases.state, 'on_agenda'), casesScopeWhere(actor)))
    .orderBy(asc(cases.reportedAt))
    .limit(200);
}

/**
 * Records a meeting's resolution on a case and returns it to its loop (on_agenda → accepted,
 * ready for dispatch), inside the meeting module's transaction.
 */
export async function applyMeetingResolution(
  tx: Tx,
  actor: Actor,
  caseId: number,
  input: { resolution: string; meetingId: number },
) {
  const [row] = await tx.select({ version: cases.version }).from(cases).where(eq(cases.id, caseId));
  return transitionInTx(
    tx,
    actor,
    caseId,
    'resolve_agenda',
    { version: row?.version ?? 0, note: `会议决议（会议 #${input.meetingId}）：${input.resolution}`, photoIds: [] },
    { reopenWindowDays: 0 },
  );
}
