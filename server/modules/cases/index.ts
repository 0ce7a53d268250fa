import type { ModuleManifest } from '../manifest.ts';
import { casesRoutes } from './routes.ts';
import { sweepDeadlines } from './sweep.ts';
import { casesStats } from './stats.ts';

export const casesModule: ModuleManifest = {
  name: 'cases',
  routes: casesRoutes as ModuleManifest['routes'],
  jobs: (deps) => ({
    'cases.sweep': async () => {
      await sweepDeadlines(deps.db);
    },
  }),
  periodic: [{ kind: 'cases.sweep', everySeconds: 60 }],
  stats: casesStats,
};

export { seedCategories } from './seed.ts';
export { listCasesForAgenda, applyMeetingResolution } from './agenda.ts';
export { caseFigures } from './indicators.ts';
export { seedDemoCases } from './demo/seed-cases.ts';
export { reportCase } from './commands/report-case.ts';
export { resolveLimits } from './limits.ts';
export { caseTodoCounts } from './todos.ts';
export { questionsOf, questionsByCategory, validateAnswers, type Question, type Answer } from './questions.ts';
export { openCasesUnder, caseBriefs, caseOutcomeCounts, CLOSED_CASE_STATES } from './queries-open.ts';
export { notifyUsers, notifyMany, staffAt, type NotificationRow } from './notify.ts';
export { reportSystemCases, type SystemCase } from './commands/report-system-cases.ts';
export { transitionInTx } from './commands/transition-case.ts';
export { defaultDepartment, defaultLevel } from './commands/effects.ts';
export type { CaseRow } from './load-case.ts';
export { warmSuggestionModels } from './suggest/model.ts';
