import type { Queryable } from '../../platform/db/tx.ts';

export interface CaseFigures {
  reported: number;
  closed: number;
  onTimeHandled: number;
  handled: number;
  satisfied: number;
  rated: number;
  avgResponseMinutes: number | null;
}

/** What ratings need from other modules (their index.ts); null until wired, the indicator then counts as missing. */
export interface RatingPorts {
  caseFigures:
    | ((
        db: Queryable,
        filter: { scopePath?: string; departmentId?: number; estateNodeIds?: number[]; from: Date; to: Date },
      ) => Promise<CaseFigures>)
    | null;
  /** Average points per member of a branch over the period (party module). */
  memberPoints: ((db: Queryable, filter: { partyOrgId: number; from: Date; to: Date }) => Promise<number>) | null;
  /** Wishes fulfilled in a grid over the period (wishes module). */
  wishesFulfilled: ((db: Queryable, filter: { scopePath: string; from: Date; to: Date }) => Promise<number>) | null;
}

export const NO_RATING_PORTS: RatingPorts = { caseFigures: null, memberPoints: null, wishesFulfilled: null };
