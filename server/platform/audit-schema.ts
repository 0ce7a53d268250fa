import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** Append-only record of every write: who did what to which record, and when. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
    actorUserId: integer('actor_user_id'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    /** Path of the governance node the target belongs to, so a secretary can review their community's entries. */
    scopePath: text('scope_path'),
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default({}),
    ip: text('ip'),
    /** Writing transaction's id (pg_current_xact_id): the sealer chains rows in (xid, id) order once no older transaction runs. */
    xid: bigint('xid', { mode: 'number' })
      .notNull()
      .default(sql`(pg_current_xact_id()::text)::bigint`),
    /** Hash chain (platform/audit-chain): filled once by the sealer, then frozen by the append-only trigger. */
    chainSeq: bigint('chain_seq', { mode: 'number' }),
    prevHash: text('prev_hash'),
    rowHash: text('row_hash'),
    sealedAt: timestamp('sealed_at', { withTimezone: true }),
  },
  (t) => [
    index('audit_log_target_idx').on(t.targetType, t.targetId),
    index('audit_log_at_idx').on(t.at),
    uniqueIndex('audit_log_chain_seq_uq').on(t.chainSeq),
    index('audit_log_unsealed_idx')
      .on(t.xid, t.id)
      .where(sql`chain_seq is null`),
  ],
);
