import type { AppDeps } from './app-deps.ts';
import { createGridLookup } from './modules/org/grid-lookup.ts';
import type { Config } from './platform/config.ts';
import type { Db } from './platform/db/open.ts';
import { createLiveHub } from './platform/live/hub.ts';

/** Assembles the dependencies every module receives, for the server and for tests alike. */
export function createDeps(config: Config, db: Db): AppDeps {
  return { config, db, gridLookup: createGridLookup(db), liveHub: createLiveHub(db) };
}
