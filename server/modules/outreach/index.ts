import type { ModuleManifest } from '../manifest.ts';
import { outreachRoutes } from './routes.ts';

/** Party members shown to residents: 党员户 (opt-in) on the 党群连心墙, and 一区两员 zones. */
export const outreachModule: ModuleManifest = {
  name: 'outreach',
  routes: outreachRoutes as ModuleManifest['routes'],
};
export { seedDemoOutreach } from './seed.ts';
