import { z } from 'zod';

/** The hash chain over audit_log, as GET /api/audit/chain reports it after sealing and checking every row. */
export const chainReportSchema = z.object({
  intact: z.boolean(),
  checked: z.number(),
  unsealed: z.number(),
  head: z.object({ seq: z.number(), hash: z.string(), sealedAt: z.string() }).nullable(),
  lastSealedAt: z.string().nullable(),
  broken: z
    .object({
      id: z.number().nullable(),
      seq: z.number(),
      problem: z.enum(['content_changed', 'prev_hash_mismatch', 'seq_gap', 'tail_missing', 'head_mismatch']),
      message: z.string(),
    })
    .nullable(),
});
export type ChainReportDto = z.infer<typeof chainReportSchema>;
