import type { Queryable, Tx } from '../../platform/db/tx.ts';

/** What the school needs from the party module: points for passing a course (party/index.ts awardPoints). */
export interface SchoolPointsPort {
  awardPoints(
    tx: Tx,
    input: { memberUserId: number; sourceKind: 'school.passed'; sourceId: number; occurredAt: Date },
  ): Promise<{ points: number; created: boolean } | null>;
}

export interface BranchMember {
  branchId: number;
  branchName: string;
  userId: number | null;
  /** null for a branch without members (listed so its figures show as empty). */
  memberId: number | null;
}

/** The party branches under a path with their active members (party/index.ts branchRoster), for study figures. */
export interface SchoolBranchesPort {
  branchRoster(db: Queryable, scopePath: string): Promise<BranchMember[]>;
}

export interface SchoolPorts {
  points: SchoolPointsPort;
  branches: SchoolBranchesPort;
}
