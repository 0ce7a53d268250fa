import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { publishLive } from '../../../platform/live/events.ts';
import { computeHonorList } from '../honor-list.ts';
import { monthBounds } from '../periods.ts';
import { partyHonorLists } from '../schema.ts';

/**
 * The secretary confirms a finished month's list: the computed list is stored as the published
 * snapshot (later corrections to the ledger do not rewrite what was announced). Once per month.
 */
export async function publishHonorList(
  db: Db,
  actor: { userId: number } & Parameters<typeof recordAudit>[1],
  scope: { kind: 'branch' | 'community'; id: number; path: string },
  month: string,
) {
  if (monthBounds(month).end.getTime() > Date.now())
    throw new AppError('VALIDATION_FAILED', {
      message: '只能发布已结束月份的红黄榜',
      details: [{ path: 'month', message: '月份尚未结束' }],
    });
  return withTx(db, async (tx) => {
    const list = await computeHonorList(tx, scope.kind, scope.id, month);
    const [row] = await tx
      .insert(partyHonorLists)
      .values({
        scopeKind: scope.kind,
        scopeId: scope.id,
        scopePath: scope.path,
        month,
        snapshot: list,
        confirmedBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('DUPLICATE', { message: '该月红黄榜已发布' });
    await recordAudit(tx, actor, {
      action: 'party.honor_list.publish',
      targetType: 'party_honor_list',
      targetId: row.id,
      scopePath: scope.path,
      summary: { month, red: list.red.length, yellow: list.yellow.length },
    });
    await publishLive(tx, {
      topic: 'party.honor_list',
      scopePath: scope.path,
      payload: { month, scopeKind: scope.kind, scopeId: scope.id },
    });
    return row;
  });
}
