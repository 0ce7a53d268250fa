import { bigint, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * One API key per outside client (app, hotline system). Only the SHA-256 of the key is kept:
 * keys are random 32-byte secrets, so a fast unsalted hash is enough (no dictionary to guess
 * from) and lets each request find its key with one indexed lookup — unlike passwords.
 */
export const open311Keys = pgTable(
  'open311_keys',
  {
    id: serial('id').primaryKey(),
    clientName: text('client_name').notNull(),
    keyHash: text('key_hash').notNull(),
    /** First characters of the key, shown to administrators to tell keys apart. */
    keyPrefix: text('key_prefix').notNull(),
    /** The community whose intake (受理) receives this client's reports. */
    intakeCommunityId: integer('intake_community_id').notNull(),
    /** The system account (role community_staff, no usable password) that reports on the client's behalf. */
    userId: integer('user_id').notNull(),
    /** Requests per minute allowed for this key. */
    ratePerMinute: integer('rate_per_minute').notNull().default(60),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('open311_keys_hash_uq').on(t.keyHash)],
);

/**
 * Per-key, per-minute request counters, upserted on every authenticated call: kept in PostgreSQL
 * so every server instance sees the same count. Old minutes are pruned as new ones are written.
 */
export const open311RateCounters = pgTable(
  'open311_rate_counters',
  {
    keyId: integer('key_id').notNull(),
    minute: timestamp('minute', { withTimezone: true }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.minute] })],
);

export interface SubmittedReporter {
  firstName?: string;
  lastName?: string;
  email?: string;
  deviceId?: string;
  accountId?: string;
}

/**
 * What a client sent with a case that the cases module has no column for. Reporter details are
 * encrypted (platform/crypto) and never returned by any GET endpoint.
 */
export const open311Requests = pgTable(
  'open311_requests',
  {
    caseId: bigint('case_id', { mode: 'number' }).primaryKey(),
    keyId: integer('key_id').notNull(),
    /** For clients that track submissions by token (GET /tokens/{token}). */
    token: text('token').notNull(),
    serviceCode: text('service_code').notNull(),
    /** Encrypted JSON of SubmittedReporter. */
    reporterEnc: text('reporter_enc'),
    mediaUrl: text('media_url'),
    addressId: text('address_id'),
    /** Answers to the service definition's attributes: code → value (lists as arrays). */
    attributes: jsonb('attributes').$type<Record<string, string | number | string[]>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('open311_requests_token_uq').on(t.token)],
);
