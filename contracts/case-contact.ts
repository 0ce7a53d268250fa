import { z } from 'zod';

export { revealBody as revealContactBody } from './people.ts';

/** POST /api/cases/:id/reveal-contact: the reporter's whole phone, once the reveal is audited. */
export const revealContactResponse = z.object({
  data: z.object({ id: z.number().int(), phone: z.string().nullable() }),
});
export type RevealedContact = z.infer<typeof revealContactResponse>['data'];

/** The audit action of a case reveal; the people module's reveal log lists it beside base-data reveals. */
export const CASE_REVEAL_ACTION = 'cases.reveal_contact';
