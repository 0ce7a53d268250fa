import { sql } from 'drizzle-orm';
import { caseSourceSchema } from '../../../contracts/cases.ts';
import {
  bigint,
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { CaseState } from './lifecycle.ts';

/** The contract's list (contracts/cases.ts), so a new source is added in one place. */
export const CASE_SOURCES = caseSourceSchema.options;
export type CaseSource = (typeof CASE_SOURCES)[number];
export const DISPATCH_LEVELS = ['grid', 'community', 'street', 'department', 'meeting'] as const;
export type DispatchLevel = (typeof DISPATCH_LEVELS)[number];

/** Two-level tree of event/component classes; each names its default handler and step limits. */
export const caseCategories = pgTable(
  'case_categories',
  {
    id: serial('id').primaryKey(),
    parentId: integer('parent_id'),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<'event' | 'component' | 'community'>().notNull(),
    defaultLevel: text('default_level').$type<DispatchLevel>(),
    /** Department code (departments.code) whistled by default, e.g. 'urban_management'. */
    defaultDepartmentCode: text('default_department_code'),
    /** Working minutes per step; null inherits (parent category, then the global default). */
    acceptMinutes: integer('accept_minutes'),
    signMinutes: integer('sign_minutes'),
    handleMinutes: integer('handle_minutes'),
    verifyMinutes: integer('verify_minutes'),
    active: boolean('active').notNull().default(true),
  },
  (t) => [uniqueIndex('case_categories_code_uq').on(t.code)],
);

/** Local step limits for a category in one community or street (cascade: community → street → category). */
export const slaOverrides = pgTable(
  'case_sla_overrides',
  {
    id: serial('id').primaryKey(),
    categoryId: integer('category_id').notNull(),
    nodeId: integer('node_id').notNull(),
    acceptMinutes: integer('accept_minutes'),
    signMinutes: integer('sign_minutes'),
    handleMinutes: integer('handle_minutes'),
    verifyMinutes: integer('verify_minutes'),
  },
  (t) => [uniqueIndex('case_sla_overrides_uq').on(t.categoryId, t.nodeId)],
);

export const QUESTION_DATATYPES = [
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
] as const;
export type QuestionDatatype = (typeof QUESTION_DATATYPES)[number];

/** Extra questions a category asks when a case is reported (also Open311's service definitions). */
export const categoryQuestions = pgTable(
  'case_category_questions',
  {
    id: serial('id').primaryKey(),
    categoryId: integer('category_id').notNull(),
    code: text('code').notNull(),
    datatype: text('datatype').$type<QuestionDatatype>().notNull(),
    required: boolean('required').notNull().default(false),
    order: integer('order').notNull(),
    description: text('description').notNull(),
    /** Hint about the expected format shown beside the field (Open311 datatype_description). */
    datatypeDescription: text('datatype_description'),
    /** The choices of a list question. */
    values: jsonb('values').$type<{ key: string; name: string }[]>().notNull().default([]),
  },
  (t) => [uniqueIndex('case_category_questions_uq').on(t.categoryId, t.code)],
);

export const TEMPLATE_ACTIONS = [
  'reject',
  'return',
  'handle',
  'feedback',
  'verify',
  'rework',
  'close',
  'request_extension',
  'refuse_extension',
  'park',
] as const;
export type TemplateAction = (typeof TEMPLATE_ACTIONS)[number];

/** Canned replies (常用回复) offered in the transition dialogs; visible under their scope node. */
export const responseTemplates = pgTable(
  'case_response_templates',
  {
    id: serial('id').primaryKey(),
    categoryId: integer('category_id'),
    action: text('action').$type<TemplateAction>().notNull(),
    text: text('text').notNull(),
    scopeNodeId: integer('scope_node_id').notNull(),
    scopePath: text('scope_path').notNull(),
    createdBy: integer('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_response_templates_action_idx').on(t.action, t.scopePath)],
);

export const cases = pgTable(
  'cases',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseNo: text('case_no').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    source: text('source').$type<CaseSource>().notNull(),
    state: text('state').$type<CaseState>().notNull(),
    /** Optimistic concurrency: every transition bumps it; a stale version gets 409. */
    version: integer('version').notNull().default(1),
    categoryId: integer('category_id'),
    reporterUserId: integer('reporter_user_id'),
    reporterName: text('reporter_name'),
    /** Encrypted (platform/crypto); shown only to staff handling the case. */
    reporterPhoneEnc: text('reporter_phone_enc'),
    enteredByUserId: integer('entered_by_user_id'),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    address: text('address'),
    componentId: text('component_id'),
    /** The originating system's ticket number (hotline work order, Open311 client): re-imports skip it. */
    externalRef: text('external_ref'),
    /** The reporting device's id for the report (offline queue): a resent report finds its case by it. */
    clientRef: text('client_ref'),
    gridId: integer('grid_id'),
    communityId: integer('community_id').notNull(),
    streetId: integer('street_id').notNull(),
    /** Path of the grid (or of the community while no grid is known): scope filtering is a prefix match. */
    scopePath: text('scope_path').notNull(),
    dispatchLevel: text('dispatch_level').$type<DispatchLevel>(),
    departmentId: integer('department_id'),
    /** Node whose staff handle it (grid, community or street), for level dispatches. */
    assigneeNodeId: integer('assignee_node_id'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    stepStartedAt: timestamp('step_started_at', { withTimezone: true }),
    /** Highest deadline warning already sent for the current step, so each is sent once. */
    deadlineNotice: text('deadline_notice').$type<'none' | 'yellow' | 'red'>().notNull().default('none'),
    escalationLevel: smallint('escalation_level').notNull().default(0),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Step outcomes fixed when each step ends; indicators count them. */
    acceptedOnTime: boolean('accepted_on_time'),
    handledOnTime: boolean('handled_on_time'),
    closedOnTime: boolean('closed_on_time'),
    reworkCount: smallint('rework_count').notNull().default(0),
    returnCount: smallint('return_count').notNull().default(0),
    verifyPassed: boolean('verify_passed'),
    score: smallint('score'),
    ratingComment: text('rating_comment'),
    mergedIntoId: bigint('merged_into_id', { mode: 'number' }),
    stateReason: text('state_reason'),
    /** Answers to the category's extra questions (case_category_questions): code → value, lists as arrays. */
    answers: jsonb('answers').$type<Record<string, string | number | string[]>>().notNull().default({}),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cases_no_uq').on(t.caseNo),
    uniqueIndex('cases_external_ref_uq').on(t.source, t.externalRef),
    // Partial: only offline-queued reports carry a reference, so the index stays small.
    uniqueIndex('cases_client_ref_uq')
      .on(t.enteredByUserId, t.clientRef)
      .where(sql`${t.clientRef} is not null`),
    // The inbox reads newest-first per (scope, state): one short index range per state, no sort.
    index('cases_street_inbox_idx').on(t.streetId, t.state, t.reportedAt.desc(), t.id.desc()),
    index('cases_community_inbox_idx').on(t.communityId, t.state, t.reportedAt.desc(), t.id.desc()),
    index('cases_grid_inbox_idx').on(t.gridId, t.state, t.reportedAt.desc(), t.id.desc()),
    index('cases_state_inbox_idx').on(t.state, t.reportedAt.desc(), t.id.desc()),
    index('cases_scope_reported_idx').using('btree', sql`${t.scopePath} text_pattern_ops`, t.reportedAt),
    index('cases_department_idx').on(t.departmentId, t.state, t.reportedAt.desc(), t.id.desc()),
    index('cases_reporter_idx').on(t.reporterUserId, t.reportedAt),
    // The deadline sweep walks the timed, not-yet-red cases by id; a plain due_at index misled the
    // planner into bitmap-ANDing it with the inbox indexes (1.9 s instead of 3 ms at 1 M cases).
    index('cases_sweep_idx')
      .on(t.id)
      .where(
        sql`${t.state} in ('reported', 'dispatched', 'signed', 'extension_requested', 'handled') and ${t.deadlineNotice} <> 'red'`,
      ),
    // Open cases under a scope (big screen's overdue list, the map's open counts and points): keyed
    // by scope path first, so the sweep (no scope) is never tempted by its due_at.
    index('cases_open_scope_due_idx')
      .using('btree', sql`${t.scopePath} text_pattern_ops`, t.dueAt, t.id)
      .where(sql`${t.state} not in ('closed', 'rated', 'rejected', 'merged')`),
    index('cases_updated_idx').on(t.updatedAt),
    index('cases_location_idx').on(t.lng, t.lat),
  ],
);

/** The append-only timeline: every transition with who, role, when, from, to, note, attachments. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: bigint('case_id', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: integer('actor_user_id'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    fromState: text('from_state').$type<CaseState>(),
    toState: text('to_state').$type<CaseState>(),
    note: text('note'),
    photoIds: jsonb('photo_ids').$type<number[]>().notNull().default([]),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.at)],
);

export const casePhotos = pgTable(
  'case_photos',
  {
    id: serial('id').primaryKey(),
    caseId: bigint('case_id', { mode: 'number' }),
    uploadedBy: integer('uploaded_by').notNull(),
    mime: text('mime').notNull(),
    bytes: integer('bytes').notNull(),
    width: integer('width'),
    height: integer('height'),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_photos_case_idx').on(t.caseId)],
);

/** People kept informed of a case besides its reporter (reporters of merged duplicates, followers). */
export const caseFollowers = pgTable(
  'case_followers',
  {
    caseId: bigint('case_id', { mode: 'number' }).notNull(),
    userId: integer('user_id').notNull(),
    since: timestamp('since', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('case_followers_uq').on(t.caseId, t.userId), index('case_followers_user_idx').on(t.userId)],
);

/** In-app notifications (also pushed live over SSE). */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: integer('user_id').notNull(),
    caseId: bigint('case_id', { mode: 'number' }),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/**
 * Every classification of a case (立案 with a category, 派遣 with a corrected category) beside what the
 * suggestion offered at that moment, recomputed by the server: the acceptance rate (采纳率) says
 * whether dispatchers find the suggestion worth having, and each row changes the model's fingerprint
 * so a correction is learnt from.
 */
export const caseSuggestionOutcomes = pgTable(
  'case_suggestion_outcomes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: bigint('case_id', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: integer('actor_user_id'),
    action: text('action').$type<'accept' | 'reclassify'>().notNull(),
    categoryId: integer('category_id').notNull(),
    previousCategoryId: integer('previous_category_id'),
    /** The suggestion's top-1 and its calibrated confidence; null when there was too little history. */
    suggestedCategoryId: integer('suggested_category_id'),
    suggestedConfidence: doublePrecision('suggested_confidence'),
    /** Whether the dispatcher's choice equals the suggested top-1; null without a suggestion. */
    tookSuggestion: boolean('took_suggestion'),
    scopePath: text('scope_path').notNull(),
  },
  (t) => [
    index('case_suggestion_outcomes_case_idx').on(t.caseId),
    index('case_suggestion_outcomes_scope_at_idx').using('btree', sql`${t.scopePath} text_pattern_ops`, t.at),
  ],
);
