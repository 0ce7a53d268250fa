import { z } from 'zod';
import { sentDateTime } from './datetime.ts';

export const dayKindSchema = z.enum(['workday', 'holiday']);
export type DayKind = z.infer<typeof dayKindSchema>;

/** A holiday or make-up workday as the State Council published it (built-in data). */
export const officialDaySchema = z.object({ date: z.string(), kind: dayKindSchema, name: z.string() });
export type OfficialDay = z.infer<typeof officialDaySchema>;

/** An administrator's correction of one day. */
export const overrideDaySchema = z.object({
  date: z.string(),
  kind: dayKindSchema,
  note: z.string().nullable(),
  updatedBy: z.number().nullable(),
  updatedAt: sentDateTime(),
});
export type OverrideDay = z.input<typeof overrideDaySchema>;

export const overrideListResponse = z.object({ data: z.array(overrideDaySchema) });
export const officialListResponse = z.object({ data: z.array(officialDaySchema), lastOfficialYear: z.number() });
export const overrideSetResponse = z.object({
  data: z.object({ date: z.string(), kind: dayKindSchema, note: z.string().optional() }),
});
