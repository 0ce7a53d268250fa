import type { ModuleManifest } from '../manifest.ts';
import { caseFigures } from '../cases/index.ts';
import { memberPoints } from '../party/index.ts';
import { wishesFulfilled } from '../wishes/index.ts';
import { ratingsRoutes } from './routes.ts';

export type { CaseFigures, RatingPorts } from './ports.ts';

/** Ratings of branches, property companies and departments, from the figures other modules export. */
export const ratingsModule: ModuleManifest = {
  name: 'ratings',
  routes: (deps) =>
    ratingsRoutes(deps, { caseFigures, memberPoints, wishesFulfilled }) as ReturnType<ModuleManifest['routes']>,
};
