import type { ModuleManifest } from '../manifest.ts';
import { open311Routes } from './routes.ts';

/** Open311 GeoReport v2: outside clients and hotline systems report cases into the loop and track them. */
export const open311Module: ModuleManifest = {
  name: 'open311',
  routes: open311Routes as ModuleManifest['routes'],
};
