// Every module's tables, gathered for drizzle-kit and for the typed query builder.
export * from '../modules/org/schema.ts';
export * from '../modules/accounts/schema.ts';
export * from '../platform/jobs/schema.ts';
export * from '../platform/calendar/schema.ts';
export * from '../platform/files/schema.ts';
