import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { ForceRole, PostKind, ReserveState } from '../../../contracts/cadres.ts';

/**
 * The cadre database (干部库 / 小区书记数据库): people who hold or may hold posts, kept by a
 * community or street (`node_id`, `scope_path`). `external` marks a person from another
 * organisation (a department's party leader, a property company): their posts at the node are
 * cross-appointments (双向进入、交叉任职).
 */
export const cadres = pgTable(
  'cadres',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    gender: text('gender').notNull(),
    birthYear: integer('birth_year'),
    /** Shown masked everywhere (138****5678), like account phones. */
    phone: text('phone'),
    partyMember: boolean('party_member').notNull().default(false),
    unit: text('unit').notNull(),
    external: boolean('external').notNull().default(false),
    nodeId: integer('node_id').notNull(),
    scopePath: text('scope_path').notNull(),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cadres_scope_idx').using('btree', sql`${t.scopePath} text_pattern_ops`)],
);

/** A post held at a node; ended posts stay as the person's history. */
export const cadrePosts = pgTable(
  'cadre_posts',
  {
    id: serial('id').primaryKey(),
    cadreId: integer('cadre_id').notNull(),
    nodeId: integer('node_id').notNull(),
    nodePath: text('node_path').notNull(),
    kind: text('kind').$type<PostKind>().notNull(),
    title: text('title').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('cadre_posts_node_path_idx').using('btree', sql`${t.nodePath} text_pattern_ops`),
    index('cadre_posts_cadre_idx').on(t.cadreId),
    // One open post of a kind per person and node.
    uniqueIndex('cadre_posts_open_uq')
      .on(t.nodeId, t.kind, t.cadreId)
      .where(sql`${t.endedOn} is null`),
    // A node has one first secretary and one estate secretary at a time.
    uniqueIndex('cadre_posts_single_uq')
      .on(t.nodeId, t.kind)
      .where(sql`${t.endedOn} is null and ${t.kind} in ('first_secretary','estate_secretary')`),
    check('cadre_posts_dates_ck', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
  ],
);

/** 后备人才库: a person being prepared for a post, with where they stand. */
export const cadreReserve = pgTable(
  'cadre_reserve',
  {
    id: serial('id').primaryKey(),
    cadreId: integer('cadre_id').notNull(),
    scopePath: text('scope_path').notNull(),
    targetKind: text('target_kind').$type<PostKind>().notNull(),
    state: text('state').$type<ReserveState>().notNull(),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cadre_reserve_cadre_uq').on(t.cadreId),
    index('cadre_reserve_scope_idx').using('btree', sql`${t.scopePath} text_pattern_ops`),
    check('cadre_reserve_state_ck', sql`${t.state} in ('candidate','training','ready','appointed','withdrawn')`),
  ],
);

/** 网格力量: people of other services assigned to a grid (police, market supervision, enforcement, property). */
export const gridForces = pgTable(
  'grid_forces',
  {
    id: serial('id').primaryKey(),
    gridNodeId: integer('grid_node_id').notNull(),
    gridPath: text('grid_path').notNull(),
    role: text('role').$type<ForceRole>().notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    phone: text('phone').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [
    index('grid_forces_grid_idx')
      .on(t.gridNodeId)
      .where(sql`${t.removedAt} is null`),
    index('grid_forces_path_idx').using('btree', sql`${t.gridPath} text_pattern_ops`),
    check('grid_forces_role_ck', sql`${t.role} in ('police','market','enforcement','property','other')`),
  ],
);

export type CadreRecord = typeof cadres.$inferSelect;
export type CadrePostRecord = typeof cadrePosts.$inferSelect;
