import type { ModuleManifest } from '../manifest.ts';
import { communityNotices } from '../boards/index.ts';
import { publishedDecisions } from '../meetings/index.ts';
import { participationRoutes } from './routes.ts';

/** 居民参与 and the public portal; the portal reads boards' notices and meetings' published 四议两公开 as ports. */
export const participationModule: ModuleManifest = {
  name: 'participation',
  routes: (deps) =>
    participationRoutes(deps, { communityNotices, publishedDecisions }) as ReturnType<ModuleManifest['routes']>,
};
export { seedDemoParticipation } from './seed.ts';
