import type { ModuleManifest } from '../manifest.ts';
import { awardPoints, branchRoster } from '../party/index.ts';
import { schoolRoutes } from './routes.ts';

export type { SchoolPorts } from './ports.ts';
export { seedDemoSchool } from './seed.ts';

/** 手机党校 / 网格学院; passing a course earns party points, statistics are per party branch (both through party/index.ts). */
export const schoolModule: ModuleManifest = {
  name: 'school',
  routes: (deps) =>
    schoolRoutes(deps, { points: { awardPoints }, branches: { branchRoster } }) as ReturnType<ModuleManifest['routes']>,
};
