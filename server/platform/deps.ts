import type { AppDeps } from '../app-deps.ts';
import { createGridLookup } from '../modules/org/grid-lookup.ts';
import type { Config } from './config.ts';
import type { Db } from './db/open.ts';
import { createLiveHub } from './live/hub.ts';
import { primaryOnly, type ReadRouting } from './db/read-replica.ts';

/** Assembles the dependencies every module receives, for the server and for tests alike. */
export function createDeps(config: Config, db: Db, reads: ReadRouting = primaryOnly(db)): AppDeps {
  return { config, db, gridLookup: createGridLookup(db), liveHub: createLiveHub(db), reads };
}
