import type { Tx } from '../../platform/db/tx.ts';
import { publishLive } from '../../platform/live/events.ts';

/**
 * Announces a change to a meeting, resolution or 四议两公开 record in the caller's transaction;
 * staff whose scope covers it get it on their open meeting pages (topic `meeting.changed`).
 */
export async function publishMeetingChange(
  tx: Tx,
  change: { scopePath: string; targetType: string; targetId: number; action: string },
): Promise<void> {
  await publishLive(tx, {
    topic: 'meeting.changed',
    scopePath: change.scopePath,
    payload: { targetType: change.targetType, targetId: change.targetId, action: change.action },
  });
}
