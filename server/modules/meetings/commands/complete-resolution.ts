import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { publishMeetingChange } from '../live.ts';
import { authorizeMeeting, resolutionScopeWhere } from '../policy.ts';
import { resolutions } from '../schema.ts';

/** Marks a resolution's task done (its owner or meeting staff report completion with a note). */
export async function completeResolution(db: Db, actor: Actor, id: number, note: string) {
  return withTx(db, async (tx) => {
    const [row] = await tx
      .select()
      .from(resolutions)
      .where(and(eq(resolutions.id, id), resolutionScopeWhere(actor)))
      .for('update');
    if (!row) throw new AppError('NOT_FOUND');
    authorizeMeeting(actor, 'write', row);
    if (row.status === 'done') throw new AppError('CONFLICT', { message: '该决议已办结' });
    const [done] = await tx
      .update(resolutions)
      .set({ status: 'done', doneAt: new Date(), doneNote: note })
      .where(eq(resolutions.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'meetings.resolution.complete',
      targetType: 'resolution',
      targetId: id,
      scopePath: row.scopePath,
      summary: { note },
    });
    await publishMeetingChange(tx, {
      scopePath: row.scopePath,
      targetType: 'resolution',
      targetId: id,
      action: 'meetings.resolution.complete',
    });
    return done!;
  });
}
