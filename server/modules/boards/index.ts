import type { ModuleManifest } from '../manifest.ts';
import { boardsRoutes } from './routes.ts';

export const boardsModule: ModuleManifest = { name: 'boards', routes: boardsRoutes as ModuleManifest['routes'] };
export { communityNotices } from './public-notices.ts';
