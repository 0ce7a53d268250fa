import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import {
  bigserial,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * Base data. Houses and buildings ARE nodes of the governance tree (org_nodes, level 'house'):
 * the tables below reference those nodes by id and copy the node's path into `scope_path`,
 * so scope checks are the same indexed prefix match the org module uses.
 *
 * Personal data: identity numbers and phones are stored encrypted (`*_cipher`, AES-256-GCM),
 * with a keyed hash for exact lookup (`*_hash`) and the last 4 characters (`*_tail`) for
 * suffix search — see pii.ts for why the tail is kept in clear.
 * `search_tokens` holds the character bigrams of name and address (tokens.ts) under a GIN index:
 * pg_trgm cannot serve 2-character Chinese terms.
 */
export const residents = pgTable(
  'people_residents',
  {
    id: serial('id').primaryKey(),
    houseNodeId: integer('house_node_id').notNull(),
    scopePath: text('scope_path').notNull(),
    name: text('name').notNull(),
    gender: text('gender').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    idKind: text('id_kind').notNull(),
    idCipher: text('id_cipher').notNull(),
    idHash: text('id_hash').notNull(),
    idTail: text('id_tail').notNull(),
    phoneCipher: text('phone_cipher'),
    phoneHash: text('phone_hash'),
    phoneTail: text('phone_tail'),
    householdNo: text('household_no'),
    relation: text('relation'),
    residenceType: text('residence_type').notNull(),
    careTags: text('care_tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    movedInOn: date('moved_in_on', { mode: 'string' }),
    movedOutOn: date('moved_out_on', { mode: 'string' }),
    address: text('address').notNull(),
    searchTokens: text('search_tokens').array().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('people_residents_id_hash_uq').on(t.idHash),
    index('people_residents_scope_idx').using('btree', sql`${t.scopePath} text_pattern_ops`, t.id),
    index('people_residents_house_idx').on(t.houseNodeId),
    index('people_residents_tokens_idx').using('gin', t.searchTokens),
    index('people_residents_tags_idx').using('gin', t.careTags),
    // The map's care counts per grid: the few cared-for residents of a street, index-only.
    index('people_residents_care_scope_idx')
      .using('btree', sql`${t.scopePath} text_pattern_ops`)
      .where(sql`${t.movedOutOn} is null and cardinality(${t.careTags}) > 0`),
    index('people_residents_id_tail_idx').on(t.idTail),
    index('people_residents_phone_tail_idx').on(t.phoneTail),
    index('people_residents_phone_hash_idx').on(t.phoneHash),
    index('people_residents_birth_idx').on(t.birthDate),
  ],
);

/** Where a resident lived and when: a move closes one row and opens the next. */
export const residenceHistory = pgTable(
  'people_residence_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    residentId: integer('resident_id').notNull(),
    houseNodeId: integer('house_node_id').notNull(),
    fromOn: date('from_on', { mode: 'string' }),
    toOn: date('to_on', { mode: 'string' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('people_residence_history_resident_idx').on(t.residentId, t.id)],
);

/** The managed list of care tags (关怀标签); residents may only carry active ones. */
export const careTags = pgTable('people_care_tags', {
  name: text('name').primaryKey(),
  active: integer('active').notNull().default(1),
});

/** Facts about a house node (the node itself is the address). */
export const houses = pgTable(
  'people_houses',
  {
    houseNodeId: integer('house_node_id').primaryKey(),
    scopePath: text('scope_path').notNull(),
    use: text('use').notNull(),
    areaM2: numeric('area_m2', { mode: 'number' }),
    ownerName: text('owner_name'),
    address: text('address').notNull(),
    searchTokens: text('search_tokens').array().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('people_houses_scope_idx').using('btree', sql`${t.scopePath} text_pattern_ops`),
    index('people_houses_tokens_idx').using('gin', t.searchTokens),
  ],
);

/** Tenant registration of rented houses (出租房屋登记). */
export const tenancies = pgTable(
  'people_tenancies',
  {
    id: serial('id').primaryKey(),
    houseNodeId: integer('house_node_id').notNull(),
    residentId: integer('resident_id').notNull(),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }),
    registeredBy: integer('registered_by'),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('people_tenancies_house_idx').on(t.houseNodeId)],
);

export const entities = pgTable(
  'people_entities',
  {
    id: serial('id').primaryKey(),
    creditCode: text('credit_code').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    legalRep: text('legal_rep'),
    address: text('address'),
    gridNodeId: integer('grid_node_id').notNull(),
    scopePath: text('scope_path').notNull(),
    employees: integer('employees'),
    searchTokens: text('search_tokens').array().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('people_entities_code_uq').on(t.creditCode),
    index('people_entities_scope_idx').using('btree', sql`${t.scopePath} text_pattern_ops`, t.id),
    index('people_entities_tokens_idx').using('gin', t.searchTokens),
  ],
);

export const components = pgTable(
  'people_components',
  {
    id: serial('id').primaryKey(),
    componentCode: text('component_code').notNull(),
    major: text('major').notNull(),
    minor: text('minor').notNull(),
    name: text('name').notNull(),
    lng: doublePrecision('lng').notNull(),
    lat: doublePrecision('lat').notNull(),
    state: text('state').notNull(),
    ownerUnit: text('owner_unit'),
    maintainerUnit: text('maintainer_unit'),
    gridNodeId: integer('grid_node_id').notNull(),
    scopePath: text('scope_path').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('people_components_code_uq').on(t.componentCode),
    index('people_components_scope_idx').using('btree', sql`${t.scopePath} text_pattern_ops`, t.id),
    index('people_components_lnglat_idx').on(t.lng, t.lat),
  ],
);

/** One uploaded file and its import: the checkpoint row commits together with each batch. */
export const imports = pgTable(
  'people_imports',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    storedPath: text('stored_path').notNull(),
    format: text('format').notNull(),
    headers: jsonb('headers').$type<string[]>().notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>(),
    state: text('state').$type<'uploaded' | 'queued' | 'running' | 'done' | 'failed'>().notNull().default('uploaded'),
    checkpointRow: integer('checkpoint_row').notNull().default(0),
    okRows: integer('ok_rows').notNull().default(0),
    errorRows: integer('error_rows').notNull().default(0),
    jobId: integer('job_id'),
    createdBy: integer('created_by').notNull(),
    /** The uploader as the policy saw them: the job writes with their rights, not the worker's. */
    actor: jsonb('actor').$type<Actor>().notNull(),
    scopePath: text('scope_path').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('people_imports_scope_idx').using('btree', sql`${t.scopePath} text_pattern_ops`)],
);

/** The error report: one row per rejected cell (row, column, value, reason). */
export const importErrors = pgTable(
  'people_import_errors',
  {
    importId: integer('import_id').notNull(),
    rowNo: integer('row_no').notNull(),
    columnName: text('column_name').notNull(),
    value: text('value'),
    reason: text('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.rowNo, t.columnName] })],
);

/** Remembered header mappings: a worker's column "身份证号" maps to idNumber next time too. */
export const headerMappings = pgTable(
  'people_header_mappings',
  {
    kind: text('kind').notNull(),
    header: text('header').notNull(),
    field: text('field').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.header] })],
);
