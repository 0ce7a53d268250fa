import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Role } from '../../../contracts/roles.ts';

export const users = pgTable(
  'users',
  {
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
    /** Identity number from a staff roster: encrypted and keyed-hashed like base data (people/pii.ts). */
    idNumberEnc: text('id_number_enc'),
    idNumberHash: text('id_number_hash'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** The administrator who created the account (null for seeded and self-registered accounts). */
    createdBy: integer('created_by'),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    /** Set when an administrator issues or resets a password: the owner must choose their own at next sign-in. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** TOTP second factor: the shared secret, encrypted with the data key; enabled once confirmed. */
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** Real-name verification of self-registered residents: null for accounts created by staff. */
    verificationState: text('verification_state').$type<'pending' | 'verified' | 'rejected'>(),
    verificationNote: text('verification_note'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedBy: integer('verified_by'),
    /** The base-data person (people module) this account was verified against. */
    personId: integer('person_id'),
  },
  (t) => [
    uniqueIndex('users_username_uq').on(t.username),
    index('users_scope_role_idx').on(t.scopeNodeId, t.role),
    index('users_verification_idx').on(t.verificationState, t.scopeNodeId),
  ],
);

/** 一格一员: who has been a grid's full-time worker, and when. One open row per grid. */
export const gridAssignments = pgTable(
  'grid_assignments',
  {
    id: serial('id').primaryKey(),
    gridNodeId: integer('grid_node_id').notNull(),
    userId: integer('user_id').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    assignedBy: integer('assigned_by'),
    note: text('note'),
  },
  (t) => [
    uniqueIndex('grid_assignments_open_uq')
      .on(t.gridNodeId)
      .where(sql`${t.endedAt} is null`),
    index('grid_assignments_grid_idx').on(t.gridNodeId, t.startedAt),
    index('grid_assignments_user_idx').on(t.userId),
  ],
);

// Settings and the audit log are the platform's tables (platform never imports a module); re-exported here.
export { appSettings } from '../../platform/settings-schema.ts';
export { auditLog } from '../../platform/audit-schema.ts';

/** Server-side sessions: any instance behind the load balancer can serve any request. */
export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token, so that a leaked table does not leak live sessions. */
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/** Failed logins, counted per username and per address to throttle guessing across instances. */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    username: text('username').notNull(),
    ip: text('ip').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_failures_user_idx').on(t.username, t.at), index('login_failures_ip_idx').on(t.ip, t.at)],
);
