import { sql } from 'drizzle-orm';
import { index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** Volunteer teams (党员志愿先锋队…) of a community, with their leader. */
export const volunteerTeams = pgTable(
  'volunteer_teams',
  {
    id: serial('id').primaryKey(),
    communityId: integer('community_id').notNull(),
    communityPath: text('community_path').notNull(),
    name: text('name').notNull(),
    leaderUserId: integer('leader_user_id'),
    leaderName: text('leader_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('volunteer_teams_name_uq').on(t.communityId, t.name),
    index('volunteer_teams_path_idx').using('btree', sql`${t.communityPath} text_pattern_ops`),
  ],
);

/**
 * An activity with a capacity. `confirmed_count` is kept in the same transaction as the sign-up
 * rows, under a FOR UPDATE lock on this row, so concurrent sign-ups never overbook.
 */
export const volunteerActivities = pgTable(
  'volunteer_activities',
  {
    id: serial('id').primaryKey(),
    teamId: integer('team_id'),
    communityId: integer('community_id').notNull(),
    communityPath: text('community_path').notNull(),
    title: text('title').notNull(),
    place: text('place').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    capacity: integer('capacity').notNull(),
    confirmedCount: integer('confirmed_count').notNull().default(0),
    /** Shown as a QR code at the venue; scanning it checks the volunteer in or out. */
    checkinCode: text('checkin_code').notNull(),
    state: text('state').$type<'open' | 'cancelled'>().notNull().default('open'),
    createdBy: integer('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('volunteer_activities_path_idx').using('btree', sql`${t.communityPath} text_pattern_ops`, t.startsAt),
    index('volunteer_activities_team_idx').on(t.teamId),
  ],
);

export const volunteerSignups = pgTable(
  'volunteer_signups',
  {
    id: serial('id').primaryKey(),
    activityId: integer('activity_id').notNull(),
    userId: integer('user_id').notNull(),
    userName: text('user_name').notNull(),
    status: text('status').$type<'confirmed' | 'waiting' | 'cancelled'>().notNull(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkedOutAt: timestamp('checked_out_at', { withTimezone: true }),
    /** Service minutes credited at check-out (the overlap of presence and the activity's time). */
    minutes: integer('minutes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('volunteer_signups_uq').on(t.activityId, t.userId),
    index('volunteer_signups_user_idx').on(t.userId),
  ],
);

export type ActivityRow = typeof volunteerActivities.$inferSelect;
export type SignupRow = typeof volunteerSignups.$inferSelect;
