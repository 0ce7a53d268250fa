import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { volunteersRoutes } from './routes.ts';
import { volunteersStats } from './stats.ts';

/** Volunteering: teams, activities with capacity and waiting list, attendance and hours. */
export const volunteersModule = {
  name: 'volunteers',
  routes: volunteersRoutes as (deps: AppDeps) => FastifyPluginAsync,
  stats: volunteersStats,
};
export { volunteerTodoCounts } from './todos.ts';
export { seedDemoVolunteering } from './seed.ts';
