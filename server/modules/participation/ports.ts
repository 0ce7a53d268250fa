import type { Queryable } from '../../platform/db/tx.ts';

/**
 * What the public portal reads from other modules, passed in by the manifest (index.ts) so this
 * module's routes depend on functions, not on other modules' tables.
 */
export interface PortalPorts {
  /** 四议两公开 records whose resolution is published, with their public steps only (meetings). */
  publishedDecisions(
    q: Queryable,
    communityId: number,
  ): Promise<
    {
      id: number;
      title: string;
      summary: string;
      status: string;
      published: { kind: string; note: string; recordedAt: Date }[];
      votes: { kind: string; votesFor: number | null; votesAgainst: number | null; votesAbstain: number | null }[];
    }[]
  >;
  /** The community board's announcements (boards). */
  communityNotices(
    q: Queryable,
    communityId: number,
  ): Promise<{ id: number; title: string; body: string; publishedAt: Date }[]>;
}
