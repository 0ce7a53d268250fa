import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { PATROL_STATUSES, type PatrolStatus } from '../../../contracts/patrols.ts';

/**
 * A joint patrol (联合巡查): staff of the street or community walk a route of grids together with
 * department staff (城管, 市场监管, …) in one time window. The scope is a street or community node.
 */
export const patrolPlans = pgTable(
  'patrol_plans',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    scopeNodeId: integer('scope_node_id').notNull(),
    scopePath: text('scope_path').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: text('status').$type<PatrolStatus>().notNull().default('planned'),
    note: text('note'),
    /** The planner: findings are filed as cases in this account's name (it may dispatch in the scope). */
    organiserUserId: integer('organiser_user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('patrol_plans_scope_idx').using('btree', sql`${t.scopePath} text_pattern_ops`, t.startsAt),
    check('patrol_plans_status_ck', sql.raw(`status in (${PATROL_STATUSES.map((s) => `'${s}'`).join(',')})`)),
    check('patrol_plans_window_ck', sql`ends_at > starts_at`),
  ],
);

export const patrolMembers = pgTable(
  'patrol_members',
  {
    planId: integer('plan_id')
      .notNull()
      .references(() => patrolPlans.id, { onDelete: 'cascade' }),
    userId: integer('user_id').notNull(),
    /** The member's department at planning time (department staff), for the per-department figures. */
    departmentId: integer('department_id'),
  },
  (t) => [primaryKey({ columns: [t.planId, t.userId] }), index('patrol_members_user_idx').on(t.userId, t.planId)],
);

/** The route: grids in walking order. */
export const patrolRouteGrids = pgTable(
  'patrol_route_grids',
  {
    planId: integer('plan_id')
      .notNull()
      .references(() => patrolPlans.id, { onDelete: 'cascade' }),
    gridId: integer('grid_id').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.gridId] }),
    uniqueIndex('patrol_route_position_uq').on(t.planId, t.position),
  ],
);

export const patrolCheckIns = pgTable(
  'patrol_check_ins',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => patrolPlans.id),
    gridId: integer('grid_id').notNull(),
    userId: integer('user_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
  },
  // One check-in per member and grid: a second tap on a shaky connection is the same check-in.
  (t) => [uniqueIndex('patrol_check_ins_uq').on(t.planId, t.gridId, t.userId)],
);

/** A problem found on the way; each becomes a case (cases module) in the same transaction. */
export const patrolFindings = pgTable(
  'patrol_findings',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => patrolPlans.id),
    gridId: integer('grid_id').notNull(),
    userId: integer('user_id').notNull(),
    categoryId: integer('category_id').notNull(),
    description: text('description').notNull(),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    caseId: integer('case_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('patrol_findings_plan_idx').on(t.planId, t.id), uniqueIndex('patrol_findings_case_uq').on(t.caseId)],
);
