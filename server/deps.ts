import type { AppDeps } from './app-deps.ts';
import { createGridLookup } from './modules/org/grid-lookup.ts';
import type { Config } from './platform/config.ts';
import type { Db } from './platform/db/open.ts';
import { primaryOnly, type ReadRouting } from './platform/db/read-replica.ts';
import { createLiveHub } from './platform/live/hub.ts';

/** Assembles the dependencies every module receives, for the server and for tests alike. */
export function createDeps(config: Config, db: Db, reads: ReadRouting = primaryOnly(db)): AppDeps {
  return { config, db, gridLookup: createGridLookup(db), liveHub: createLiveHub(db), reads };
}
