import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
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
import { DEVICE_KINDS, type DeviceKind } from '../../../contracts/devices.ts';

/**
 * A connected sensor: fire monitoring (smoke, gas, fire panel) or elderly care (SOS button,
 * fall detector, inactivity). It is fixed to a building or house of the governance tree, so an
 * alarm lands in that place's grid; coordinates, when known, pin the case on the map.
 */
export const devices = pgTable(
  'devices',
  {
    id: serial('id').primaryKey(),
    /** The serial the device publishes under (MQTT topic segment): letters, digits, '-' and '_'. */
    code: text('code').notNull(),
    kind: text('kind').$type<DeviceKind>().notNull(),
    name: text('name').notNull(),
    nodeId: integer('node_id').notNull(),
    gridId: integer('grid_id'),
    communityId: integer('community_id').notNull(),
    scopePath: text('scope_path').notNull(),
    /** Where the case is filed: the place's full name, e.g. 路南社区第1网格 3幢 201室. */
    address: text('address').notNull(),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    /** The system account (per community) whose name the cases are filed under. */
    gatewayUserId: integer('gateway_user_id').notNull(),
    active: boolean('active').notNull().default(true),
    lastAlarmAt: timestamp('last_alarm_at', { withTimezone: true }),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('devices_code_uq').on(t.code),
    index('devices_scope_idx').using('btree', sql`${t.scopePath} text_pattern_ops`, t.id),
    check('devices_kind_ck', sql.raw(`kind in (${DEVICE_KINDS.map((k) => `'${k}'`).join(',')})`)),
  ],
);

export const ALARM_OUTCOMES = ['case_created', 'merged'] as const;
export type AlarmOutcome = (typeof ALARM_OUTCOMES)[number];

/** Every alarm received, with what became of it: a new case, or merged into the device's open one. */
export const deviceAlarms = pgTable(
  'device_alarms',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    deviceId: integer('device_id').notNull(),
    /** The device's own message id: a redelivered MQTT message (QoS 1) is recognised and ignored. */
    messageId: text('message_id').notNull(),
    alarmType: text('alarm_type').notNull(),
    level: text('level').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    caseId: integer('case_id').notNull(),
    outcome: text('outcome').$type<AlarmOutcome>().notNull(),
    payload: jsonb('payload').notNull(),
  },
  (t) => [
    uniqueIndex('device_alarms_message_uq').on(t.deviceId, t.messageId),
    index('device_alarms_device_idx').on(t.deviceId, t.id),
    index('device_alarms_case_idx').on(t.caseId),
  ],
);
