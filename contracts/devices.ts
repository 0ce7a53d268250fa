import { z } from 'zod';
import { decimal, decimalNumber } from './query.ts';

export const DEVICE_KINDS = [
  'smoke',
  'gas',
  'fire_panel',
  'elderly_sos',
  'elderly_fall',
  'elderly_inactivity',
] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const DEVICE_KIND_LABELS_ZH: Record<DeviceKind, string> = {
  smoke: '独立式烟感',
  gas: '可燃气体探测器',
  fire_panel: '消防报警主机',
  elderly_sos: '老人一键呼叫',
  elderly_fall: '老人跌倒监测',
  elderly_inactivity: '独居老人活动监测',
};

/** Fire alarms go to 火灾隐患, elderly-care alarms to 独居老人照料 (category codes, see cases seed). */
export const CATEGORY_CODE_BY_KIND: Record<DeviceKind, string> = {
  smoke: '0505',
  gas: '0505',
  fire_panel: '0505',
  elderly_sos: '1301',
  elderly_fall: '1301',
  elderly_inactivity: '1301',
};

export const deviceKindSchema = z.enum(DEVICE_KINDS, { error: '设备类型不正确' });

export const registerDeviceBody = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{4,40}$/, '设备编号须为 4–40 位字母、数字、- 或 _'),
    kind: deviceKindSchema,
    name: z.string().trim().min(2, '设备名称至少 2 个字').max(60, '设备名称不超过 60 个字'),
    /** A building or house of the governance tree. */
    nodeId: z.number().int().positive(),
    lng: z.number().min(-180).max(180).optional(),
    lat: z.number().min(-90).max(90).optional(),
  })
  .refine((b) => (b.lng === undefined) === (b.lat === undefined), { message: '经度和纬度须同时填写', path: ['lat'] });

/** What a device publishes on `<prefix>/devices/<code>/alarm`. */
export const alarmMessageSchema = z.object({
  /** Unique per device: a resent message carries the same id. */
  id: z.string().trim().min(1).max(64),
  type: z.string().trim().min(1).max(40),
  level: z.enum(['info', 'warning', 'critical']).default('critical'),
  /** When the device raised it (ISO 8601 with offset); the broker's arrival time when absent. */
  at: z.iso.datetime({ offset: true }).optional(),
  message: z.string().trim().max(200).optional(),
});
export type AlarmMessage = z.infer<typeof alarmMessageSchema>;

const pageQuery = z.object({
  page: decimal(decimalNumber().int().min(1)).default(1),
  pageSize: decimal(decimalNumber().int().min(1).max(100)).default(20),
});
export const deviceListQuery = pageQuery.extend({ communityId: decimal(decimalNumber().int().positive()).optional() });
export const alarmListQuery = pageQuery.extend({ deviceId: decimal(decimalNumber().int().positive()).optional() });

export const deviceView = z.object({
  id: z.number(),
  code: z.string(),
  kind: deviceKindSchema,
  name: z.string(),
  address: z.string(),
  nodeId: z.number(),
  gridId: z.number().nullable(),
  communityId: z.number(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  active: z.boolean(),
  lastAlarmAt: z.string().nullable(),
  alarms: z.number(),
});
export type DeviceView = z.infer<typeof deviceView>;

export const alarmView = z.object({
  id: z.number(),
  deviceId: z.number(),
  deviceCode: z.string(),
  deviceName: z.string(),
  kind: deviceKindSchema,
  alarmType: z.string(),
  level: z.string(),
  occurredAt: z.string(),
  receivedAt: z.string(),
  caseId: z.number(),
  caseNo: z.string(),
  caseState: z.string(),
  outcome: z.enum(['case_created', 'merged']),
});
export type AlarmView = z.infer<typeof alarmView>;

const page = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), page: z.object({ page: z.number(), pageSize: z.number(), total: z.number() }) });
export const deviceListResponse = page(deviceView);
export const alarmListResponse = page(alarmView);
export const registerDeviceResponse = z.object({ data: deviceView });
