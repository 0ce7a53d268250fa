import type { ModuleManifest } from '../manifest.ts';
import { patrolsRoutes } from './routes.ts';

export const patrolsModule: ModuleManifest = { name: 'patrols', routes: patrolsRoutes as ModuleManifest['routes'] };
export { seedDemoPatrols } from './seed.ts';
