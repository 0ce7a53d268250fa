import { aliasedTable, and, asc, count, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import { users } from '../accounts/schema.ts';
import { partyOrgs } from '../org/schema.ts';
import { MEMBER_ORG_KINDS } from './branches.ts';
import { partyCommitments, partyMembers } from './schema.ts';

type State = 'published' | 'fulfilled' | 'unfulfilled';

const rate = (fulfilled: number, unfulfilled: number) =>
  fulfilled + unfulfilled ? Math.round((fulfilled / (fulfilled + unfulfilled)) * 1000) / 10 : null;

/**
 * 承诺践诺 figures for a set of branches and a year: active members, members with a commitment,
 * commitments by state. Commitments count under the member's present branch. Two grouped reads.
 */
async function figuresByBranch(db: Queryable, branchIds: number[], year: number) {
  if (!branchIds.length) return new Map<number, ReturnType<typeof emptyFigures>>();
  const [members, commitments] = await Promise.all([
    db
      .select({ branchId: partyMembers.branchOrgId, n: count() })
      .from(partyMembers)
      .where(and(inArray(partyMembers.branchOrgId, branchIds), isNull(partyMembers.leftOn)))
      .groupBy(partyMembers.branchOrgId),
    db
      .select({
        branchId: partyMembers.branchOrgId,
        state: partyCommitments.state,
        n: count(),
      })
      .from(partyCommitments)
      .innerJoin(partyMembers, eq(partyMembers.id, partyCommitments.memberId))
      .where(
        and(inArray(partyMembers.branchOrgId, branchIds), eq(partyCommitments.year, year), isNull(partyMembers.leftOn)),
      )
      .groupBy(partyMembers.branchOrgId, partyCommitments.state),
  ]);
  // Members with a commitment, counted once across states.
  const committed = await db
    .select({ branchId: partyMembers.branchOrgId, n: sql<number>`count(distinct ${partyCommitments.memberId})::int` })
    .from(partyCommitments)
    .innerJoin(partyMembers, eq(partyMembers.id, partyCommitments.memberId))
    .where(
      and(inArray(partyMembers.branchOrgId, branchIds), eq(partyCommitments.year, year), isNull(partyMembers.leftOn)),
    )
    .groupBy(partyMembers.branchOrgId);
  const out = new Map<number, ReturnType<typeof emptyFigures>>();
  for (const id of branchIds) {
    const f = emptyFigures();
    f.members = Number(members.find((m) => m.branchId === id)?.n ?? 0);
    f.committed = Number(committed.find((m) => m.branchId === id)?.n ?? 0);
    for (const c of commitments.filter((x) => x.branchId === id)) {
      const n = Number(c.n);
      f.commitments += n;
      if (c.state === 'fulfilled') f.fulfilled += n;
      else if (c.state === 'unfulfilled') f.unfulfilled += n;
      else f.pending += n;
    }
    f.fulfilRate = rate(f.fulfilled, f.unfulfilled);
    out.set(id, f);
  }
  return out;
}

function emptyFigures() {
  return {
    members: 0,
    committed: 0,
    commitments: 0,
    fulfilled: 0,
    unfulfilled: 0,
    pending: 0,
    fulfilRate: null as number | null,
  };
}

/** One page of the branches the viewer may check (their predicate), each with its figures for the year. */
export async function commitmentBranches(db: Queryable, scope: SQL, year: number, page: number, pageSize: number) {
  const where = and(scope, inArray(partyOrgs.kind, [...MEMBER_ORG_KINDS]), isNull(partyOrgs.retiredAt));
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: partyOrgs.id, name: partyOrgs.name, kind: partyOrgs.kind })
      .from(partyOrgs)
      .where(where)
      .orderBy(asc(partyOrgs.scopePath), asc(partyOrgs.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(partyOrgs).where(where),
  ]);
  const figures = await figuresByBranch(
    db,
    rows.map((r) => r.id),
    year,
  );
  return {
    data: rows.map((r) => ({ branchId: r.id, branchName: r.name, kind: r.kind, ...figures.get(r.id)! })),
    page: { page, pageSize, total: Number(total?.n ?? 0) },
    year,
  };
}

const markers = aliasedTable(users, 'markers');

/** A branch's commitments for the year (optionally one state), members' names and who marked them, one page. */
export async function branchCommitments(
  db: Queryable,
  branchId: number,
  year: number,
  state: State | undefined,
  page: number,
  pageSize: number,
) {
  const where = and(
    eq(partyMembers.branchOrgId, branchId),
    isNull(partyMembers.leftOn),
    eq(partyCommitments.year, year),
    state ? eq(partyCommitments.state, state) : undefined,
  );
  const [rows, [total], figures] = await Promise.all([
    db
      .select({ c: partyCommitments, memberName: partyMembers.name, markedByName: markers.displayName })
      .from(partyCommitments)
      .innerJoin(partyMembers, eq(partyMembers.id, partyCommitments.memberId))
      .leftJoin(markers, eq(markers.id, partyCommitments.markedBy))
      .where(where)
      .orderBy(sql`${partyCommitments.state} = 'published' desc`, asc(partyMembers.name), asc(partyCommitments.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ n: count() })
      .from(partyCommitments)
      .innerJoin(partyMembers, eq(partyMembers.id, partyCommitments.memberId))
      .where(where),
    figuresByBranch(db, [branchId], year),
  ]);
  return {
    data: rows.map((r) => presentCommitment(r.c, r.memberName, r.markedByName)),
    page: { page, pageSize, total: Number(total?.n ?? 0) },
    figures: figures.get(branchId)!,
  };
}

export function presentCommitment(
  c: typeof partyCommitments.$inferSelect,
  memberName: string,
  markedByName: string | null,
) {
  return {
    id: c.id,
    memberId: c.memberId,
    memberName,
    year: c.year,
    content: c.content,
    state: c.state,
    note: c.note,
    markedAt: c.markedAt?.toISOString() ?? null,
    markedByName,
  };
}
