import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * Notices beyond the app. The in-app notification row (cases module) is always written; these tables
 * say where else a notice goes (each user's channels per topic, quiet hours, area subscriptions, the
 * administrators' webhook subscribers) and record every attempt to send it.
 */
export const notifySettings = pgTable('notify_settings', {
  userId: integer('user_id').primaryKey(),
  email: text('email'),
  /** Mobile number for SMS; the account's own phone is not assumed to be the one to text. */
  phone: text('phone'),
  quietEnabled: boolean('quiet_enabled').notNull().default(false),
  /** 'HH:MM' Asia/Shanghai wall clock; start > end means the window crosses midnight. */
  quietStart: text('quiet_start').notNull().default('22:00'),
  quietEnd: text('quiet_end').notNull().default('07:00'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A row = the user wants notices of this topic on this outside channel (in-app needs no row: always on). */
export const notifyChoices = pgTable(
  'notify_choices',
  {
    userId: integer('user_id').notNull(),
    topic: text('topic').notNull(),
    channel: text('channel').$type<'email' | 'sms'>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.topic, t.channel] })],
);

/** FixMyStreet-style area alerts: new and/or closed cases of one grid or community. */
export const notifyAreaSubscriptions = pgTable(
  'notify_area_subscriptions',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id').notNull(),
    nodeId: integer('node_id').notNull(),
    onNew: boolean('on_new').notNull().default(true),
    onClosed: boolean('on_closed').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('notify_area_user_node_uq').on(t.userId, t.nodeId), index('notify_area_node_idx').on(t.nodeId)],
);

/** Outbound webhook subscribers registered by administrators; events outside `scopePath` never reach them. */
export const notifyWebhooks = pgTable('notify_webhooks', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  url: text('url').notNull(),
  /** The signing secret, sealed with the data key (the receiver was shown it once). */
  secretEnc: text('secret_enc').notNull(),
  kinds: jsonb('kinds').$type<string[]>().notNull(),
  scopePath: text('scope_path').notNull(),
  active: boolean('active').notNull().default(true),
  createdBy: integer('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type DeliveryStatus = 'queued' | 'deferred' | 'sending' | 'retrying' | 'sent' | 'dead';

/** One notice on one outside channel to one recipient: the send log, and (status 'dead') the dead letters. */
export const notifyDeliveries = pgTable(
  'notify_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    channel: text('channel').$type<'email' | 'sms' | 'webhook'>().notNull(),
    userId: integer('user_id'),
    webhookId: integer('webhook_id'),
    /** What admins see: masked address, number or webhook host. */
    recipientMasked: text('recipient_masked').notNull(),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    /** Text of the notice; for webhooks the exact JSON body, so every retry sends the same bytes. */
    body: text('body').notNull(),
    urgent: boolean('urgent').notNull().default(false),
    /** Governance path the notice concerns (the recipient's scope, or the event's): admins see their area's rows. */
    scopePath: text('scope_path'),
    status: text('status').$type<DeliveryStatus>().notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [
    index('notify_deliveries_status_idx').on(t.status, t.createdAt),
    index('notify_deliveries_created_idx').on(t.createdAt),
  ],
);
