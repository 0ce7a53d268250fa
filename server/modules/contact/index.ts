import type { ModuleManifest } from '../manifest.ts';
import { contactRoutes } from './routes.ts';

/** 包保联户: households kept by cadres, party members and staff; visiting rounds and their coverage. */
export const contactModule: ModuleManifest = {
  name: 'contact',
  routes: contactRoutes as ModuleManifest['routes'],
};
export { seedDemoContact } from './seed.ts';
