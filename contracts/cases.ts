import { z } from 'zod';
import { MOBILE_RE } from './phone.ts';
import { decimal, decimalNumber, textFlag } from './query.ts';

export const caseSourceSchema = z.enum([
  'resident',
  'patrol',
  'building_leader',
  'volunteer',
  'window',
  'visit',
  'hotline',
  'open311',
  'device',
  'joint_patrol',
  'kiosk',
]);
export const dispatchLevelSchema = z.enum(['grid', 'community', 'street', 'department']);
export const caseStateSchema = z.enum([
  'reported',
  'accepted',
  'rejected',
  'merged',
  'dispatched',
  'signed',
  'extension_requested',
  'handled',
  'verified',
  'closed',
  'rated',
  'parked',
  'on_agenda',
]);
export const caseActionSchema = z.enum([
  'accept',
  'reject',
  'merge',
  'dispatch',
  'sign',
  'return',
  'request_extension',
  'approve_extension',
  'refuse_extension',
  'handle',
  'verify',
  'rework',
  'close',
  'rate',
  'revisit',
  'reopen',
  'park',
  'unpark',
  'put_on_agenda',
  'resolve_agenda',
]);

const phone = z.string().regex(MOBILE_RE, '手机号格式不正确');

export const reportCaseBody = z
  .object({
    title: z.string().trim().min(2).max(80),
    description: z.string().trim().min(2).max(4000),
    categoryId: z.number().int().positive().optional(),
    /** Defaults from the reporter's role: resident → resident, grid worker → patrol, … */
    source: caseSourceSchema.optional(),
    lng: z.number().min(-180).max(180).optional(),
    lat: z.number().min(-90).max(90).optional(),
    address: z.string().trim().min(2).max(200).optional(),
    /** Intake community when only an address is given (staff entering a walk-in or hotline case). */
    communityId: z.number().int().positive().optional(),
    componentId: z
      .string()
      .regex(/^\d{16}$/, '部件编码应为 16 位数字')
      .optional(),
    photoIds: z.array(z.number().int().positive()).max(9).default([]),
    /** For cases entered on behalf of someone (window, visit, hotline). */
    reporterName: z.string().trim().min(1).max(40).optional(),
    reporterPhone: phone.optional(),
    /** Answers to the category's extra questions: question code → value (lists as arrays). */
    answers: z
      .record(z.string().max(40), z.union([z.string().max(2000), z.number(), z.array(z.string().max(200)).max(50)]))
      .default({}),
    /**
     * The reporting device's own id for this report (a phone's offline queue makes one per report):
     * sent again after a lost response it returns the case the first request filed (200) instead of
     * filing a second one. Unique per account that enters the report.
     */
    clientRef: z.uuid('客户端编号格式不正确').optional(),
  })
  .refine((b) => (b.lng === undefined) === (b.lat === undefined), { message: '经度和纬度必须同时提供', path: ['lat'] })
  .refine((b) => b.lng !== undefined || b.address, { message: '请在地图上选点或填写地址', path: ['address'] });

export const transitionBody = z.object({
  /** The version the user saw: a concurrent change makes this stale and the request gets 409. */
  version: z.number().int().positive(),
  reason: z.string().trim().min(2).max(500).optional(),
  note: z.string().trim().max(1000).optional(),
  feedback: z.string().trim().min(2).max(2000).optional(),
  score: z.number().int().min(1).max(5).optional(),
  comment: z.string().trim().max(500).optional(),
  targetCaseId: z.number().int().positive().optional(),
  minutes: z
    .number()
    .int()
    .min(30)
    .max(30 * 450)
    .optional(),
  level: dispatchLevelSchema.optional(),
  departmentId: z.number().int().positive().optional(),
  categoryId: z.number().int().positive().optional(),
  gridId: z.number().int().positive().optional(),
  photoIds: z.array(z.number().int().positive()).max(9).default([]),
});
export type TransitionInput = z.infer<typeof transitionBody>;

export const caseActionParams = z.object({ id: decimal(decimalNumber().int().positive()), action: caseActionSchema });

export const inboxQuery = z.object({
  state: z.union([caseStateSchema, z.array(caseStateSchema)]).optional(),
  deadline: z.enum(['green', 'yellow', 'red']).optional(),
  mine: textFlag().optional(),
  q: z.string().trim().max(40).optional(),
  page: decimal(decimalNumber().int().min(1)).default(1),
  pageSize: decimal(decimalNumber().int().min(1).max(100)).default(20),
});

export const indicatorsQuery = z.object({
  nodeId: decimal(decimalNumber().int().positive()).optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
  groupBy: z.enum(['grid', 'community', 'street', 'department', 'category']).default('community'),
});
