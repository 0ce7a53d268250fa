import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Background jobs live in PostgreSQL so that any instance can run them: workers claim
 * rows with FOR UPDATE SKIP LOCKED, and a job whose worker died is claimed again
 * once its lease expires.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    /** Unique key for singleton/periodic jobs (e.g. 'cases.sweep'); null for one-off jobs. */
    dedupeKey: text('dedupe_key'),
    state: text('state').$type<'queued' | 'running' | 'done' | 'failed'>().notNull().default('queued'),
    runAt: timestamp('run_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    /** Free-form progress the web app shows for long work ({ done, total, note }). */
    progress: jsonb('progress').$type<Record<string, unknown>>(),
    lastError: text('last_error'),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('jobs_due_idx').on(t.state, t.runAt), uniqueIndex('jobs_dedupe_uq').on(t.dedupeKey)],
);

/**
 * Outbox of live events (server-sent to browsers); also NOTIFY'd on PostgreSQL. Read in (xid, id)
 * order, and only below the oldest transaction still running: see platform/live/outbox.ts.
 */
export const liveEvents = pgTable(
  'live_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** The writing transaction (pg_current_xact_id, 64 bits: never wraps; fits 2^53 for centuries). */
    xid: bigint('xid', { mode: 'number' })
      .notNull()
      .default(sql`(pg_current_xact_id()::text)::bigint`),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    topic: text('topic').notNull(),
    /** Path of the governance node concerned: a subscriber only receives events inside its scope. */
    scopePath: text('scope_path'),
    departmentId: integer('department_id'),
    userId: integer('user_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('live_events_at_idx').on(t.at), index('live_events_order_idx').on(t.xid, t.id)],
);
