import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/open.ts';
import type { Tx } from '../../platform/db/tx.ts';

/** A case waiting in state `on_agenda`, as the cases module lists it for a meeting. */
export interface AgendaCase {
  id: number;
  caseNo?: string;
  title: string;
  categoryName: string | null;
  communityId: number;
  reportedAt: Date;
}

/**
 * What meetings need from the cases module (its index.ts exports these). Passed in by the
 * manifest so that meetings never reach into the cases tables.
 */
export interface CasesPort {
  listCasesForAgenda(db: Db, actor: Actor): Promise<AgendaCase[]>;
  /** Returns the case to its loop (on_agenda → accepted) with an event, inside the caller's transaction. */
  applyMeetingResolution(
    tx: Tx,
    actor: Actor,
    caseId: number,
    input: { resolution: string; meetingId: number },
  ): Promise<unknown>;
}

/** What meetings need from the party module: points for a member who attended. */
export interface PointsPort {
  awardPoints(
    tx: Tx,
    input: { memberUserId: number; sourceKind: 'meeting.attended'; sourceId: number; occurredAt: Date },
  ): Promise<unknown>;
}

/** null while the providing module is not wired: agenda-from-cases is then refused, points are not awarded. */
export interface MeetingPorts {
  cases: CasesPort | null;
  points: PointsPort | null;
}
