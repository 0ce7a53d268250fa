import type { ModuleManifest } from '../index.ts';
import { casesRoutes } from './routes.ts';
import { sweepDeadlines } from './sweep.ts';

export const casesModule: ModuleManifest = {
  name: 'cases',
  routes: casesRoutes as ModuleManifest['routes'],
  jobs: (deps) => ({ 'cases.sweep': async () => { await sweepDeadlines(deps.db); } }),
  periodic: [{ kind: 'cases.sweep', everySeconds: 60 }],
};

export { seedCategories } from './seed.ts';
export { listCasesForAgenda, applyMeetingResolution } from './agenda.ts';
export { caseFigures } from './indicators.ts';
export { seedDemoCases } from './demo/seed-cases.ts';
