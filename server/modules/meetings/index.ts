import type { ModuleManifest } from '../manifest.ts';
import { meetingsRoutes } from './routes.ts';
import { applyMeetingResolution, listCasesForAgenda } from '../cases/index.ts';
import { awardPoints } from '../party/index.ts';

export type { AgendaCase, CasesPort, MeetingPorts, PointsPort } from './ports.ts';
export { branchAttendanceRate } from './queries.ts';
/** Published 四议两公开 records (public steps only), for the community portal. */
export { publishedDecisions } from './decision-queries.ts';

/** Meetings, resolutions and 四议两公开; agenda items come from cases, attendance earns party points. */
export const meetingsModule: ModuleManifest = {
  name: 'meetings',
  routes: (deps) =>
    meetingsRoutes(deps, {
      cases: { listCasesForAgenda, applyMeetingResolution },
      points: { awardPoints },
    }) as ReturnType<ModuleManifest['routes']>,
};
export { seedDemoMeetings } from './seed.ts';
