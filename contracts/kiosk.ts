import { z } from 'zod';
import { mobilePhone } from './phone.ts';

/** 易办事 self-service terminal (24 小时自助终端): the screens' requests and answers. */

export const kioskStartResponse = z.object({
  data: z.object({
    terminal: z.string(),
    /** Seconds without a touch before the screen resets to its start. */
    idleSeconds: z.number(),
    /** The community whose catalogue the terminal shows before anyone identifies (null on a street terminal). */
    community: z.object({ id: z.number(), name: z.string() }).nullable(),
  }),
});

export const identifyBody = z.object({
  idNumber: z
    .string()
    .trim()
    .regex(/^\d{17}[\dXx]$/, '请输入 18 位身份证号'),
  phone: mobilePhone(),
});
export const identifyResponse = z.object({
  data: z.object({
    /** Short-lived proof that the terminal checked this resident (sent back with a booking or report). */
    token: z.string(),
    /** 王*英: enough for the resident to see it is them, nothing for someone reading over a shoulder. */
    nameMasked: z.string(),
    expiresAt: z.string(),
  }),
});

const token = z.string().min(10).max(400);
export const kioskCatalogueQuery = z.object({ token: token.optional() });

export const kioskItem = z.object({
  id: z.number(),
  kind: z.string(),
  name: z.string(),
  departmentName: z.string(),
  materials: z.array(z.string()),
  timeLimitDays: z.number(),
  fee: z.string(),
  whereWhen: z.string(),
  proxy: z.boolean(),
});
export const kioskCatalogueResponse = z.object({
  data: z.object({
    community: z.object({ id: z.number(), name: z.string() }),
    items: z.array(kioskItem),
    stations: z.array(z.object({ id: z.number(), name: z.string(), address: z.string() })),
  }),
});

export const kioskSlotsQuery = z.object({ token });
export const kioskSlotsResponse = z.object({
  data: z.array(z.object({ id: z.number(), startsAt: z.string(), endsAt: z.string(), free: z.number() })),
});

export const kioskBookingBody = z.object({
  token,
  serviceItemId: z.number().int().positive(),
  slotId: z.number().int().positive(),
});

/** What the receipt prints. */
export const kioskReceipt = z.object({
  kind: z.enum(['booking', 'case']),
  number: z.string(),
  title: z.string(),
  lines: z.array(z.object({ label: z.string(), value: z.string() })),
  issuedAt: z.string(),
});
export type KioskReceipt = z.infer<typeof kioskReceipt>;
export const kioskReceiptResponse = z.object({ data: kioskReceipt });

export const kioskReportBody = z.object({
  token: token.optional(),
  title: z.string().trim().min(4, '问题标题至少 4 个字').max(40, '问题标题不超过 40 个字'),
  description: z.string().trim().min(5, '问题描述至少 5 个字').max(500, '问题描述不超过 500 个字'),
  address: z.string().trim().min(2, '地点至少 2 个字').max(200, '地点不超过 200 个字'),
  reporterName: z.string().trim().min(1).max(40).optional(),
  reporterPhone: mobilePhone().optional(),
});
