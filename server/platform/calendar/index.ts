export { createDayKindResolver, OFFICIAL_SCHEDULE_LAST_YEAR } from './day-kind.ts';
export type { DayKind, DayKindResolver, IsoDate } from './day-kind.ts';
export { createWorkingCalendar, DEFAULT_WORKING_PERIODS } from './working-hours.ts';
export type { WorkingCalendar, WorkingPeriod } from './working-hours.ts';
