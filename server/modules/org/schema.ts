import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const NODE_LEVELS = ['district', 'street', 'community', 'grid', 'estate', 'building', 'house'] as const;
export type NodeLevel = (typeof NODE_LEVELS)[number];

/**
 * The governance tree. `path` is the materialised chain of ids ('/1/7/42/'), so that
 * "everything under node X" is one indexed prefix match: path LIKE '/1/7/%'.
 */
export const orgNodes = pgTable(
  'org_nodes',
  {
    id: serial('id').primaryKey(),
    parentId: integer('parent_id'),
    level: text('level').$type<NodeLevel>().notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    path: text('path').notNull(),
    households: integer('households'),
    /** GeoJSON Polygon (WGS84) for district, street, community and grid nodes. */
    geometry: jsonb('geometry'),
    /** Bounding box of `geometry`, kept for map queries without parsing JSON. */
    minLng: doublePrecision('min_lng'),
    minLat: doublePrecision('min_lat'),
    maxLng: doublePrecision('max_lng'),
    maxLat: doublePrecision('max_lat'),
    /** Point location of buildings. */
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    /** Level-specific facts: floors and units of a building, use and area of a house. */
    attrs: jsonb('attrs').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Retired nodes keep their code and history but take no new records and leave lists and maps. */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('org_nodes_code_uq').on(t.code),
    index('org_nodes_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    index('org_nodes_parent_idx').on(t.parentId, t.code),
    index('org_nodes_level_path_idx').using('btree', t.level, sql`${t.path} text_pattern_ops`),
    // The grid index's freshness check (grid-lookup.ts: count and latest change of the grids) runs
    // before every located report: from this index alone it reads 1,220 small entries (0.2 ms)
    // instead of the grids' polygon-heavy rows (2.7 ms, most of a report's PostgreSQL time).
    index('org_nodes_level_updated_idx').on(t.level, t.updatedAt),
    check(
      'org_nodes_level_ck',
      sql`${t.level} in ('district','street','community','grid','estate','building','house')`,
    ),
  ],
);

export const PARTY_ORG_KINDS = [
  'working_committee',
  'joint_committee',
  'grid_branch',
  'building_group',
  'functional_group',
] as const;
export type PartyOrgKind = (typeof PARTY_ORG_KINDS)[number];

/** The party organisation tree mirroring the governance tree (党工委 → 社区联合党委 → 网格党支部 → 党小组). */
export const partyOrgs = pgTable(
  'party_orgs',
  {
    id: serial('id').primaryKey(),
    parentId: integer('parent_id'),
    kind: text('kind').$type<PartyOrgKind>().notNull(),
    name: text('name').notNull(),
    /** The governance node it is built on; null for functional groups such as 老兵之家. */
    nodeId: integer('node_id'),
    /** Materialised path of the governance node it belongs under (for scope filtering). */
    scopePath: text('scope_path').notNull(),
    secretaryName: text('secretary_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [
    index('party_orgs_scope_idx').using('btree', sql`${t.scopePath} text_pattern_ops`),
    index('party_orgs_node_idx').on(t.nodeId),
    index('party_orgs_parent_idx').on(t.parentId),
  ],
);

/** Functional departments that receive "whistled" cases (社区吹哨、部门报到). */
export const departments = pgTable(
  'departments',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** The street (or district) node the department's local unit serves. */
    servesNodeId: integer('serves_node_id').notNull(),
    contactName: text('contact_name'),
  },
  (t) => [uniqueIndex('departments_code_node_uq').on(t.code, t.servesNodeId)],
);

export const CO_UNIT_TYPES = ['government', 'enterprise', 'social_org', 'public_institution'] as const;

/** Co-building units (共建单位) and their membership of a joint committee ("1+N+X"). */
export const coUnits = pgTable('co_units', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  type: text('type').$type<(typeof CO_UNIT_TYPES)[number]>().notNull(),
  address: text('address'),
  contactName: text('contact_name'),
});

export const coUnitPairings = pgTable(
  'co_unit_pairings',
  {
    id: serial('id').primaryKey(),
    coUnitId: integer('co_unit_id').notNull(),
    partyOrgId: integer('party_org_id').notNull(),
    /** 'member' (the N of 1+N+X) for joint committees, 'pair' (共建对子) for grid branches, 'base' (X). */
    relation: text('relation').$type<'member' | 'pair' | 'base'>().notNull(),
    agreement: text('agreement'),
    signedOn: text('signed_on'),
  },
  (t) => [uniqueIndex('co_unit_pairings_uq').on(t.coUnitId, t.partyOrgId)],
);

export type OrgNodeRow = typeof orgNodes.$inferSelect;
