import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const MEETING_TYPES = [
  'joint',
  'estate_trinity',
  'representatives',
  'party_members',
  'neighbourhood_talk',
] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

/** A meeting held by (or under) a community; `scopePath` is the path of the node it concerns. */
export const meetings = pgTable(
  'meetings',
  {
    id: serial('id').primaryKey(),
    communityId: integer('community_id').notNull(),
    nodeId: integer('node_id').notNull(),
    scopePath: text('scope_path').notNull(),
    type: text('type').$type<MeetingType>().notNull(),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    place: text('place').notNull(),
    status: text('status').$type<'planned' | 'held' | 'cancelled'>().notNull().default('planned'),
    minutes: text('minutes'),
    createdBy: integer('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('meetings_scope_idx').using('btree', sql`${t.scopePath} text_pattern_ops`, t.startsAt),
    check('meetings_status_ck', sql`${t.status} in ('planned','held','cancelled')`),
  ],
);

export const ATTENDANCE = ['pending', 'signed_in', 'excused', 'absent'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

/** A person (account) or a unit (co-building unit, department, property company) invited to a meeting. */
export const meetingInvitees = pgTable(
  'meeting_invitees',
  {
    id: serial('id').primaryKey(),
    meetingId: integer('meeting_id').notNull(),
    userId: integer('user_id'),
    unitName: text('unit_name'),
    displayName: text('display_name').notNull(),
    /** The party organisation the person attends for, so attendance rolls up per branch. */
    partyOrgId: integer('party_org_id'),
    attendance: text('attendance').$type<Attendance>().notNull().default('pending'),
    markedAt: timestamp('marked_at', { withTimezone: true }),
  },
  (t) => [
    index('meeting_invitees_meeting_idx').on(t.meetingId),
    index('meeting_invitees_user_idx').on(t.userId),
    uniqueIndex('meeting_invitees_user_uq').on(t.meetingId, t.userId),
    check('meeting_invitees_who_ck', sql`(${t.userId} is not null) <> (${t.unitName} is not null)`),
  ],
);

export const AGENDA_SOURCES = ['case', 'proposal', 'typed'] as const;

export const agendaItems = pgTable(
  'agenda_items',
  {
    id: serial('id').primaryKey(),
    meetingId: integer('meeting_id').notNull(),
    position: integer('position').notNull(),
    source: text('source').$type<(typeof AGENDA_SOURCES)[number]>().notNull(),
    caseId: integer('case_id'),
    proposedBy: integer('proposed_by'),
    title: text('title').notNull(),
    description: text('description'),
  },
  (t) => [
    index('agenda_items_meeting_idx').on(t.meetingId, t.position),
    // A case is deliberated once per meeting.
    uniqueIndex('agenda_items_case_uq').on(t.meetingId, t.caseId),
  ],
);

/** A resolution is a task: an owner, a due date, done or not. */
export const resolutions = pgTable(
  'resolutions',
  {
    id: serial('id').primaryKey(),
    meetingId: integer('meeting_id').notNull(),
    agendaItemId: integer('agenda_item_id'),
    scopePath: text('scope_path').notNull(),
    text: text('text').notNull(),
    ownerUserId: integer('owner_user_id'),
    ownerName: text('owner_name').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status').$type<'open' | 'done'>().notNull().default('open'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneNote: text('done_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('resolutions_meeting_idx').on(t.meetingId),
    index('resolutions_open_idx')
      .using('btree', sql`${t.scopePath} text_pattern_ops`, t.dueOn)
      .where(sql`${t.status} = 'open'`),
  ],
);

/** 四议两公开: the order is the array order; `step` in decision_steps is the 1-based index. */
export const DECISION_STEPS = [
  'proposal',
  'committees',
  'party_members',
  'representatives',
  'resolution_published',
  'result_published',
] as const;
export type DecisionStep = (typeof DECISION_STEPS)[number];

export const decisions = pgTable(
  'decisions',
  {
    id: serial('id').primaryKey(),
    communityId: integer('community_id').notNull(),
    scopePath: text('scope_path').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    /** Number of steps done (0 … 6). */
    stepsDone: integer('steps_done').notNull().default(0),
    status: text('status').$type<'in_progress' | 'rejected' | 'completed'>().notNull().default('in_progress'),
    createdBy: integer('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('decisions_scope_idx').using('btree', sql`${t.scopePath} text_pattern_ops`)],
);

export const decisionSteps = pgTable(
  'decision_steps',
  {
    id: serial('id').primaryKey(),
    decisionId: integer('decision_id').notNull(),
    step: integer('step').notNull(),
    kind: text('kind').$type<DecisionStep>().notNull(),
    meetingId: integer('meeting_id'),
    votesFor: integer('votes_for'),
    votesAgainst: integer('votes_against'),
    votesAbstain: integer('votes_abstain'),
    note: text('note').notNull(),
    recordedBy: integer('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('decision_steps_uq').on(t.decisionId, t.step)],
);

export type MeetingRow = typeof meetings.$inferSelect;
export type DecisionRow = typeof decisions.$inferSelect;
