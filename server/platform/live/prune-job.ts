import type { JobHandler } from '../jobs/queue.ts';
import { pruneLiveEvents } from './events.ts';

/** The outbox keeps a day of events (resuming browsers need minutes); pruned hourly by any one worker. */
export const LIVE_PRUNE_JOB = 'live.prune';
export const livePrunePeriodic = { kind: LIVE_PRUNE_JOB, everySeconds: 3600 };

export const livePruneHandler: JobHandler = async ({ db }) => {
  await pruneLiveEvents(db);
};
