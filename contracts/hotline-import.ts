import { z } from 'zod';

/**
 * The answer of POST /api/cases/import (a 12345 hotline export → cases): how many rows became
 * cases, how many were skipped as work orders already imported (same 工单号), and each rejected
 * row with its column, value and reason.
 */
export const hotlineRowErrorSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  value: z.string(),
  reason: z.string(),
});
export const hotlineImportResultSchema = z.object({
  data: z.object({ created: z.number().int(), skipped: z.number().int(), errors: z.array(hotlineRowErrorSchema) }),
});
export type HotlineImportResult = z.infer<typeof hotlineImportResultSchema>['data'];
export type HotlineRowError = z.infer<typeof hotlineRowErrorSchema>;
