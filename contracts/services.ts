import { z } from 'zod';

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
  communityId: z.coerce.number().int().positive().optional(),
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
  days: z.coerce.number().int().min(1).max(31).default(7),
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
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
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
  communityId: z.coerce.number().int().positive().optional(),
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
export const manageCatalogueQuery = z.object({ communityId: z.coerce.number().int().positive() });
