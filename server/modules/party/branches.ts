import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import { AppError } from '../../platform/errors.ts';
import { actorCovers } from '../../platform/scope.ts';
import { orgNodes, partyOrgs } from '../org/schema.ts';
import type { PartyViewer } from './membership.ts';

/** Party organisations members may belong to: grid branches, and joint committees for members kept at community level. */
export const MEMBER_ORG_KINDS = ['grid_branch', 'joint_committee'] as const;

export interface Branch {
  id: number;
  name: string;
  kind: string;
  scopePath: string;
  communityId: number;
  communityPath: string;
}

/** The community part ('/d/s/c/') of a governance path, and its id; null above community level. */
export function communityOfPath(path: string): { id: number; path: string } | null {
  const ids = path.split('/').filter(Boolean);
  if (ids.length < 3) return null;
  return { id: Number(ids[2]), path: `/${ids.slice(0, 3).join('/')}/` };
}

/** Reads the org module's party organisation (the decision: party_orgs is the one tree, read by id). */
export async function findBranch(db: Queryable, id: number): Promise<Branch | null> {
  const [row] = await db
    .select({ id: partyOrgs.id, name: partyOrgs.name, kind: partyOrgs.kind, scopePath: partyOrgs.scopePath })
    .from(partyOrgs)
    .where(and(eq(partyOrgs.id, id), inArray(partyOrgs.kind, [...MEMBER_ORG_KINDS])))
    .limit(1);
  const community = row && communityOfPath(row.scopePath);
  return row && community ? { ...row, communityId: community.id, communityPath: community.path } : null;
}

/** A branch the viewer may see: staff whose scope covers it, or its own members. Otherwise 404. */
export async function loadBranchFor(db: Queryable, v: PartyViewer, id: number): Promise<Branch> {
  const branch = await findBranch(db, id);
  if (!branch || !(actorCovers(v.actor, branch.scopePath) || v.membership?.branchOrgId === id))
    throw new AppError('NOT_FOUND');
  return branch;
}

export async function branchNames(db: Queryable, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: partyOrgs.id, name: partyOrgs.name })
    .from(partyOrgs)
    .where(inArray(partyOrgs.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function nodeNames(db: Queryable, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: orgNodes.id, name: orgNodes.name })
    .from(orgNodes)
    .where(inArray(orgNodes.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}
