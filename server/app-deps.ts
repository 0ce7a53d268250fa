import type { Config } from './platform/config.ts';
import type { Db } from './platform/db/open.ts';
import type { LiveHub } from './platform/live/hub.ts';
import type { ReadRouting } from './platform/db/read-replica.ts';
import type { GridLookup } from './modules/org/grid-lookup.ts';

/** What every module's routes receive: no globals, so tests build an app on any database. */
export interface AppDeps {
  config: Config;
  db: Db;
  /** Point → grid resolution, shared by every module that takes a map pin. */
  gridLookup: GridLookup;
  /** Fans live events (outbox rows) out to this process's server-sent-event subscribers. */
  liveHub: LiveHub;
  /** Where the heavy reads (big screen, indicators, map layers, exports) go: a replica or the primary. */
  reads: ReadRouting;
}
