import { sql } from 'drizzle-orm';
import { index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * 党员户 shown to neighbours: a party member chose to mark their home (opt-in, withdrawn by
 * deleting the row). The member record and commitments stay in the party module.
 */
export const outreachHouseholds = pgTable(
  'outreach_households',
  {
    memberId: integer('member_id').primaryKey(),
    /** The account that opted in; null only for consents the branch recorded on paper (demo data). */
    userId: integer('user_id'),
    houseNodeId: integer('house_node_id').notNull(),
    housePath: text('house_path').notNull(),
    communityId: integer('community_id').notNull(),
    optedInAt: timestamp('opted_in_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('outreach_households_community_idx').on(t.communityId)],
);

/** 一区两员: a responsibility zone of buildings with a party member (责任党员) and a staff member (服务专员). */
export const outreachZones = pgTable(
  'outreach_zones',
  {
    id: serial('id').primaryKey(),
    communityId: integer('community_id').notNull(),
    communityPath: text('community_path').notNull(),
    name: text('name').notNull(),
    responsibilityMemberId: integer('responsibility_member_id').notNull(),
    serviceUserId: integer('service_user_id').notNull(),
    createdBy: integer('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('outreach_zones_name_uq').on(t.communityId, t.name)],
);

/** The buildings of a zone; a building lies in one zone at most. */
export const outreachZoneBuildings = pgTable(
  'outreach_zone_buildings',
  {
    buildingNodeId: integer('building_node_id').primaryKey(),
    zoneId: integer('zone_id').notNull(),
    buildingPath: text('building_path').notNull(),
  },
  (t) => [
    index('outreach_zone_buildings_zone_idx').on(t.zoneId),
    index('outreach_zone_buildings_path_idx').using('btree', sql`${t.buildingPath} text_pattern_ops`),
  ],
);
