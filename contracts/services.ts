import { z } from 'zod';
import { sentDateTime } from './datetime.ts';
import { pageInfo } from './org.ts';
import { decimal, decimalNumber } from './query.ts';

export const SERVICE_KIND_LABELS = { affairs: '政务服务', public_benefit: '公益服务' } as const;
export const BOOKING_STATUS_LABELS = {
  submitted: '待受理',
  received: '办理中',
  completed: '已办结',
  cancelled: '已取消',
} as const;
export const BOOKING_MODE_LABELS = { visit: '预约到站', proxy: '代办' } as const;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM');

export const catalogueQuery = z.object({
  communityId: decimal(decimalNumber().int().positive()).optional(),
  kind: z.enum(['affairs', 'public_benefit']).optional(),
});

export const createServiceItemBody = z.object({
  communityId: z.number().int().positive(),
  kind: z.enum(['affairs', 'public_benefit']),
  name: z.string().trim().min(1).max(60),
  departmentName: z.string().trim().min(1).max(60),
  materials: z.array(z.string().trim().min(1).max(100)).max(30),
  timeLimitDays: z.number().int().min(0).max(365),
  fee: z.string().trim().min(1).max(60).default('免费'),
  whereWhen: z.string().trim().min(1).max(200),
  online: z.boolean().default(false),
  proxy: z.boolean().default(false),
});

export const createStationBody = z.object({
  communityId: z.number().int().positive(),
  name: z.string().trim().min(1).max(60),
  address: z.string().trim().min(1).max(200),
  openingHours: z
    .array(z.object({ weekday: z.number().int().min(1).max(7), open: hhmm, close: hhmm }))
    .min(1)
    .max(21)
    .refine((hours) => hours.every((h) => h.open < h.close), '开放时间须早于关闭时间'),
  slotMinutes: z.number().int().min(10).max(240),
  capacityPerSlot: z.number().int().min(1).max(200),
});

export const openSlotsBody = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
  days: z.number().int().min(1).max(31),
});

export const slotsQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  days: decimal(decimalNumber().int().min(1).max(31)).default(7),
});

export const createBookingBody = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('visit'),
    serviceItemId: z.number().int().positive(),
    slotId: z.number().int().positive(),
    note: z.string().max(500).optional(),
  }),
  z.object({
    mode: z.literal('proxy'),
    serviceItemId: z.number().int().positive(),
    note: z.string().trim().min(1).max(500),
    /** A building leader or grid worker asking on behalf of a resident who cannot come (双代). */
    residentUserId: z.number().int().positive().optional(),
    /** Staff booking for a registered resident chosen with the resident picker (people module record). */
    personId: z.number().int().positive().optional(),
  }),
]);

export const bookingListQuery = z.object({
  page: decimal(decimalNumber().int().min(1)).default(1),
  pageSize: decimal(decimalNumber().int().min(1).max(200)).default(50),
  status: z.enum(['submitted', 'received', 'completed', 'cancelled']).optional(),
  mine: z.enum(['true', 'false']).optional(),
});

export const handoverBody = z.object({
  toUserId: z.number().int().positive(),
  note: z.string().trim().min(1).max(500),
});
export const completeBookingBody = z.object({ note: z.string().trim().min(1).max(1000) });
export const rateBookingBody = z.object({
  rating: z.number().int().min(1).max(5),
  comment: z.string().max(500).optional(),
});

/** The proxy-booking resident picker: name, address, or the last 4 characters of an identity number or phone. */
export const residentPickerQuery = z.object({
  q: z.string().trim().min(2, '请至少输入 2 个字符').max(40),
  communityId: decimal(decimalNumber().int().positive()).optional(),
});

/** Every field optional and without defaults, so a partial update never resets what it does not name. */
export const updateServiceItemBody = z.object({
  kind: z.enum(['affairs', 'public_benefit']).optional(),
  name: z.string().trim().min(1).max(60).optional(),
  departmentName: z.string().trim().min(1).max(60).optional(),
  materials: z.array(z.string().trim().min(1).max(100)).max(30).optional(),
  timeLimitDays: z.number().int().min(0).max(365).optional(),
  fee: z.string().trim().min(1).max(60).optional(),
  whereWhen: z.string().trim().min(1).max(200).optional(),
  online: z.boolean().optional(),
  proxy: z.boolean().optional(),
  /** false: the item is withdrawn from the catalogue (kept for existing bookings). */
  active: z.boolean().optional(),
});
export const updateStationBody = createStationBody.omit({ communityId: true }).partial();
export const manageCatalogueQuery = z.object({ communityId: decimal(decimalNumber().int().positive()) });

// Responses: the rows as server/modules/services/{queries,commands} return them (the serializer drops any other field).
export const SERVICE_KINDS = ['affairs', 'public_benefit'] as const;
export const BOOKING_STATUSES = ['submitted', 'received', 'completed', 'cancelled'] as const;
export const serviceItemSchema = z.object({
  id: z.number().int(),
  communityId: z.number().int(),
  scopePath: z.string(),
  kind: z.enum(SERVICE_KINDS),
  name: z.string(),
  departmentName: z.string(),
  materials: z.array(z.string()),
  timeLimitDays: z.number().int(),
  fee: z.string(),
  whereWhen: z.string(),
  online: z.boolean(),
  proxy: z.boolean(),
  active: z.boolean(),
});
export const stationSchema = z.object({
  id: z.number().int(),
  communityId: z.number().int(),
  scopePath: z.string(),
  name: z.string(),
  address: z.string(),
  openingHours: z.array(z.object({ weekday: z.number().int(), open: z.string(), close: z.string() })),
  slotMinutes: z.number().int(),
  capacityPerSlot: z.number().int(),
});
export const slotSchema = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  startsAt: sentDateTime(),
  endsAt: sentDateTime(),
  capacity: z.number().int(),
  booked: z.number().int(),
});
export const bookingSchema = z.object({
  id: z.number().int(),
  mode: z.enum(['visit', 'proxy']),
  serviceItemId: z.number().int(),
  slotId: z.number().int().nullable(),
  residentUserId: z.number().int().nullable(),
  personId: z.number().int().nullable(),
  beneficiaryName: z.string().nullable(),
  requestedBy: z.number().int(),
  communityId: z.number().int(),
  scopePath: z.string(),
  note: z.string().nullable(),
  status: z.enum(BOOKING_STATUSES),
  responsibleUserId: z.number().int().nullable(),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  createdAt: sentDateTime(),
  updatedAt: sentDateTime(),
});
/** A booking as listed: with the item's name, the slot's start and whom it is for. */
export const bookingListItemSchema = bookingSchema.extend({
  itemName: z.string(),
  slotStartsAt: sentDateTime().nullable(),
  residentName: z.string(),
});
/** One step of a booking's history with the names of who acted and to whom it was handed over. */
export const bookingEventSchema = z.object({
  id: z.number().int(),
  bookingId: z.number().int(),
  action: z.string(),
  actorUserId: z.number().int(),
  toUserId: z.number().int().nullable(),
  note: z.string().nullable(),
  at: sentDateTime(),
  actorName: z.string(),
  toName: z.string().nullable(),
});
export const staffOptionSchema = z.object({ id: z.number().int(), displayName: z.string(), role: z.string() });
/** A resident found by the 代办 picker: masked, as base data shows everyone. */
export const pickedResidentSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  gender: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  address: z.string(),
});

const catalogueData = z.object({
  community: z.object({ id: z.number().int(), name: z.string() }),
  items: z.array(serviceItemSchema),
  stations: z.array(stationSchema),
});
export const catalogueResponse = z.object({ data: catalogueData, abilities: z.array(z.string()) });
export const manageCatalogueResponse = z.object({ data: catalogueData });
export const serviceItemResponse = z.object({ data: serviceItemSchema });
export const stationResponse = z.object({ data: stationSchema });
export const slotsOpenedResponse = z.object({ data: z.object({ opened: z.number().int() }) });
export const slotListResponse = z.object({ data: z.array(slotSchema) });
export const pickedResidentsResponse = z.object({ data: z.array(pickedResidentSchema) });
export const bookingResponse = z.object({ data: bookingSchema });
export const bookingPageResponse = z.object({ data: z.array(bookingListItemSchema), page: pageInfo });
export const bookingDetailResponse = z.object({
  data: bookingSchema.extend({ history: z.array(bookingEventSchema) }),
  abilities: z.array(z.string()),
});
export const staffOptionsResponse = z.object({ data: z.array(staffOptionSchema) });
