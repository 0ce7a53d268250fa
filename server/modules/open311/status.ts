import type { z } from 'zod';
import type { caseStateSchema } from '../../../contracts/cases.ts';

type CaseState = z.infer<typeof caseStateSchema>;

/**
 * GeoReport knows only open and closed. A case is open while anyone in our loop still owes it
 * work — including parked (挂账) and on-agenda (上会) cases, which wait but are not resolved;
 * it is closed once closed, rated, rejected (不予立案) or merged into another case.
 */
export const OPEN311_STATUS: Record<CaseState, 'open' | 'closed'> = {
  reported: 'open',
  accepted: 'open',
  dispatched: 'open',
  signed: 'open',
  extension_requested: 'open',
  handled: 'open',
  verified: 'open',
  parked: 'open',
  on_agenda: 'open',
  closed: 'closed',
  rated: 'closed',
  rejected: 'closed',
  merged: 'closed',
};

export function statesWithStatus(status: 'open' | 'closed'): CaseState[] {
  return (Object.keys(OPEN311_STATUS) as CaseState[]).filter((s) => OPEN311_STATUS[s] === status);
}
