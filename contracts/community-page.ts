import { z } from 'zod';
import { sentDateTime } from './datetime.ts';
import { DECISION_STEPS } from './meetings.ts';

/** GET /api/communities/:communityId/public: the community's public board (published 四议两公开 items). */
export const publicDecisionSchema = z.object({
  id: z.number(),
  title: z.string(),
  summary: z.string(),
  status: z.enum(['in_progress', 'rejected', 'completed']),
  published: z.array(z.object({ kind: z.enum(DECISION_STEPS), note: z.string(), recordedAt: sentDateTime() })),
  votes: z.array(
    z.object({
      kind: z.enum(DECISION_STEPS),
      votesFor: z.number().nullable(),
      votesAgainst: z.number().nullable(),
      votesAbstain: z.number().nullable(),
    }),
  ),
});
export const communityPageResponse = z.object({
  data: z.object({
    community: z.object({ id: z.number(), name: z.string() }),
    decisions: z.array(publicDecisionSchema),
  }),
});
