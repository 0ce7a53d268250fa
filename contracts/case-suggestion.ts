import { z } from 'zod';

/** GET /api/cases/suggestion-acceptance: 采纳率 of the category suggestion at 立案 under a node. */
export const suggestionAcceptanceSchema = z.object({
  nodeId: z.number().int(),
  days: z.number().int(),
  /** 立案 in the window, */
  classified: z.number().int(),
  /** … of which the server had a suggestion to offer, */
  suggested: z.number().int(),
  /** … and of those, how many kept its top-1. */
  taken: z.number().int(),
  /** Category corrections at 派遣 in the window. */
  reclassified: z.number().int(),
  /** taken / suggested, null when nothing was suggested. */
  rate: z.number().min(0).max(1).nullable(),
});
export type SuggestionAcceptance = z.infer<typeof suggestionAcceptanceSchema>;
