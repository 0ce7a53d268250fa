import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Role } from '../../../contracts/roles.ts';

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role').$type<Role>().notNull(),
  /** The governance node this account sees and changes (data scope). */
  scopeNodeId: integer('scope_node_id'),
  departmentId: integer('department_id'),
  /** For co-building unit contacts (共建单位联系人): the co_units row they speak for. */
  coUnitId: integer('co_unit_id'),
  phone: text('phone'),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('users_username_uq').on(t.username),
  index('users_scope_role_idx').on(t.scopeNodeId, t.role),
]);

/** Server-side sessions: any instance behind the load balancer can serve any request. */
export const sessions = pgTable('sessions', {
  /** SHA-256 of the cookie token, so that a leaked table does not leak live sessions. */
  tokenHash: text('token_hash').primaryKey(),
  userId: integer('user_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)]);

/** Failed logins, counted per username and per address to throttle guessing across instances. */
export const loginFailures = pgTable('login_failures', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  username: text('username').notNull(),
  ip: text('ip').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('login_failures_user_idx').on(t.username, t.at), index('login_failures_ip_idx').on(t.ip, t.at)]);

/** Append-only record of every write: who did what to which record, and when. */
export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull().default(sql`now()`),
  actorUserId: integer('actor_user_id'),
  actorRole: text('actor_role'),
  action: text('action').notNull(),
  targetType: text('target_type').notNull(),
  targetId: text('target_id'),
  /** Path of the governance node the target belongs to, so a secretary can review their community's entries. */
  scopePath: text('scope_path'),
  summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default({}),
  ip: text('ip'),
}, (t) => [index('audit_log_target_idx').on(t.targetType, t.targetId), index('audit_log_at_idx').on(t.at)]);
