import { z } from 'zod';
import { decimal, decimalNumber } from './query.ts';

/** Issue an Open311 API key to an outside client (admin web page and CLI). */
export const createKeyBody = z.object({
  clientName: z
    .string()
    .trim()
    .min(2)
    .max(40)
    .regex(/^[\w\u4e00-\u9fff.-]+$/, '客户端名称只能包含字母、数字、汉字、点、横线和下划线'),
  /** Community whose intake receives the client's reports. */
  communityId: z.number().int().positive(),
  ratePerMinute: z.number().int().min(1).max(6000).default(60),
});
export type CreateKeyInput = z.infer<typeof createKeyBody>;

export const keyListQuery = z.object({
  page: decimal(decimalNumber().int().min(1)).default(1),
  pageSize: decimal(decimalNumber().int().min(1).max(200)).default(50),
});

export const open311KeySchema = z.object({
  id: z.number(),
  clientName: z.string(),
  keyPrefix: z.string(),
  ratePerMinute: z.number(),
  community: z.object({ id: z.number(), name: z.string() }),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  requestCount: z.number(),
});
export type Open311Key = z.infer<typeof open311KeySchema>;

/** The one response that carries the secret; it is never shown again. */
export const createdKeySchema = z.object({ data: open311KeySchema, key: z.string() });

export const keyPageResponse = z.object({
  data: z.array(open311KeySchema),
  page: z.object({ page: z.number(), pageSize: z.number(), total: z.number() }),
  abilities: z.array(z.string()),
});
export const revokedKeyResponse = z.object({ data: z.object({ id: z.number(), revokedAt: z.string() }) });
