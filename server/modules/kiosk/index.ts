import type { ModuleManifest } from '../manifest.ts';
import { kioskRoutes } from './routes.ts';

/** 易办事 24-hour self-service terminal: catalogue, policy lookup, booking and reports for residents identified at the screen. */
export const kioskModule: ModuleManifest = {
  name: 'kiosk',
  routes: kioskRoutes as ModuleManifest['routes'],
};
