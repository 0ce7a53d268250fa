import type { ModuleManifest } from '../manifest.ts';
import { servicesRoutes } from './routes.ts';
import { servicesStats } from './stats.ts';

export const servicesModule: ModuleManifest = {
  name: 'services',
  routes: servicesRoutes as ModuleManifest['routes'],
  stats: servicesStats,
};
export { bookingTodoCounts } from './todos.ts';
export { catalogue, slotsOf, stationsOf } from './queries.ts';
export { createBooking, type Beneficiary } from './commands/create-booking.ts';
export { bookingSummary } from './booking-summary.ts';
