import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** 'affairs' = government items (证明开具, 居住证 …); 'public_benefit' = home repair, legal aid, shared rooms … */
export const SERVICE_KINDS = ['affairs', 'public_benefit'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const serviceItems = pgTable(
  'service_items',
  {
    id: serial('id').primaryKey(),
    communityId: integer('community_id').notNull(),
    scopePath: text('scope_path').notNull(),
    kind: text('kind').$type<ServiceKind>().notNull(),
    name: text('name').notNull(),
    departmentName: text('department_name').notNull(),
    materials: jsonb('materials').$type<string[]>().notNull().default([]),
    timeLimitDays: integer('time_limit_days').notNull(),
    fee: text('fee').notNull().default('免费'),
    whereWhen: text('where_when').notNull(),
    online: boolean('online').notNull().default(false),
    proxy: boolean('proxy').notNull().default(false),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    index('service_items_scope_idx').using('btree', sql`${t.scopePath} text_pattern_ops`),
    uniqueIndex('service_items_name_uq').on(t.communityId, t.name),
  ],
);

/** Opening hours: weekday 1 (Mon) … 7 (Sun), 'HH:MM' local time (Asia/Shanghai). */
export interface OpeningPeriod {
  weekday: number;
  open: string;
  close: string;
}

/** 党群服务驿站 */
export const serviceStations = pgTable(
  'service_stations',
  {
    id: serial('id').primaryKey(),
    communityId: integer('community_id').notNull(),
    scopePath: text('scope_path').notNull(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    openingHours: jsonb('opening_hours').$type<OpeningPeriod[]>().notNull(),
    slotMinutes: integer('slot_minutes').notNull(),
    capacityPerSlot: integer('capacity_per_slot').notNull(),
  },
  (t) => [index('service_stations_scope_idx').using('btree', sql`${t.scopePath} text_pattern_ops`)],
);

/** One bookable time slot; `booked` never exceeds `capacity` (the booking's conditional update guarantees it). */
export const serviceSlots = pgTable(
  'service_slots',
  {
    id: serial('id').primaryKey(),
    stationId: integer('station_id').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    capacity: integer('capacity').notNull(),
    booked: integer('booked').notNull().default(0),
  },
  (t) => [
    uniqueIndex('service_slots_uq').on(t.stationId, t.startsAt),
    check('service_slots_capacity_ck', sql`${t.booked} >= 0 and ${t.booked} <= ${t.capacity}`),
  ],
);

export const BOOKING_STATUSES = ['submitted', 'received', 'completed', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** A booking at a station slot, or a proxy request (代办) handled without the resident coming in. */
export const bookings = pgTable(
  'bookings',
  {
    id: serial('id').primaryKey(),
    mode: text('mode').$type<'visit' | 'proxy'>().notNull(),
    serviceItemId: integer('service_item_id').notNull(),
    slotId: integer('slot_id'),
    /** The resident's account; null when staff book for a registered resident without one (代办 via the picker). */
    residentUserId: integer('resident_user_id'),
    /** The resident's base-data record (people module) when booked through the resident picker. */
    personId: integer('person_id'),
    /** Name shown for a booking without an account (the masked picker's name). */
    beneficiaryName: text('beneficiary_name'),
    requestedBy: integer('requested_by').notNull(),
    communityId: integer('community_id').notNull(),
    scopePath: text('scope_path').notNull(),
    note: text('note'),
    status: text('status').$type<BookingStatus>().notNull().default('submitted'),
    /** 首问责任制: the staff member who received it first, until an explicit handover. */
    responsibleUserId: integer('responsible_user_id'),
    rating: integer('rating'),
    ratingComment: text('rating_comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('bookings_scope_idx').using('btree', sql`${t.scopePath} text_pattern_ops`, t.status),
    index('bookings_resident_idx').on(t.residentUserId),
    index('bookings_slot_idx').on(t.slotId),
    check('bookings_rating_ck', sql`${t.rating} is null or ${t.rating} between 1 and 5`),
    check('bookings_beneficiary_ck', sql`${t.residentUserId} is not null or ${t.personId} is not null`),
  ],
);

/** Every step of a booking: submitted, received, handed over (from → to), completed, cancelled, rated. */
export const bookingEvents = pgTable(
  'booking_events',
  {
    id: serial('id').primaryKey(),
    bookingId: integer('booking_id').notNull(),
    action: text('action').notNull(),
    actorUserId: integer('actor_user_id').notNull(),
    toUserId: integer('to_user_id'),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('booking_events_booking_idx').on(t.bookingId, t.id)],
);

export type BookingRow = typeof bookings.$inferSelect;
export type ServiceItemRow = typeof serviceItems.$inferSelect;
