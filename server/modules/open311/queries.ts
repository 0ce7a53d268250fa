// Reads the cases module's tables directly: see the note in services.ts.
import { aliasedTable, and, desc, eq, gte, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/open.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { caseCategories, caseEvents, cases } from '../cases/schema.ts';
import { departments, orgNodes } from '../org/schema.ts';
import { open311Requests } from './schema.ts';
import { statesWithStatus } from './status.ts';

const assignee = aliasedTable(orgNodes, 'assignee');
const community = aliasedTable(orgNodes, 'community');
const place = aliasedTable(orgNodes, 'place');

export interface RequestFilter {
  ids?: number[];
  codes?: string[];
  statuses?: ('open' | 'closed')[];
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

function whereOf(f: RequestFilter): SQL | undefined {
  // The spec: a service_request_id list overrides every other argument.
  if (f.ids) return inArray(cases.id, f.ids.length ? f.ids : [0]);
  return and(
    f.codes ? inArray(caseCategories.code, f.codes.length ? f.codes : ['']) : undefined,
    f.statuses ? inArray(cases.state, f.statuses.flatMap(statesWithStatus)) : undefined,
    f.from ? gte(cases.reportedAt, f.from) : undefined,
    f.to ? lte(cases.reportedAt, f.to) : undefined,
  );
}

export async function findRequests(db: Db, f: RequestFilter) {
  const rows = await db
    .select({
      id: cases.id,
      state: cases.state,
      description: cases.description,
      categoryId: cases.categoryId,
      serviceName: caseCategories.name,
      serviceCode: caseCategories.code,
      handleMinutes: caseCategories.handleMinutes,
      departmentName: departments.name,
      assigneeName: assignee.name,
      communityName: community.name,
      placeName: place.name,
      reportedAt: cases.reportedAt,
      updatedAt: cases.updatedAt,
      closedAt: cases.closedAt,
      dueAt: cases.dueAt,
      address: cases.address,
      lat: cases.lat,
      lng: cases.lng,
      addressId: open311Requests.addressId,
      mediaUrl: open311Requests.mediaUrl,
    })
    .from(cases)
    .leftJoin(community, eq(community.id, cases.communityId))
    .leftJoin(caseCategories, eq(caseCategories.id, cases.categoryId))
    .leftJoin(departments, eq(departments.id, cases.departmentId))
    .leftJoin(assignee, eq(assignee.id, cases.assigneeNodeId))
    .leftJoin(place, eq(place.id, sql`coalesce(${cases.gridId}, ${cases.communityId})`))
    .leftJoin(open311Requests, eq(open311Requests.caseId, cases.id))
    .where(whereOf(f))
    .orderBy(desc(cases.reportedAt), desc(cases.id))
    .limit(f.limit)
    .offset(f.offset);
  const notes = await latestNotes(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, statusNotes: notes.get(r.id) ?? null }));
}
export type RequestRow = Awaited<ReturnType<typeof findRequests>>[number];

/** The note of each case's latest event that has one: why it is where it is. */
async function latestNotes(db: Queryable, caseIds: number[]): Promise<Map<number, string>> {
  if (!caseIds.length) return new Map();
  const rows = await db
    .selectDistinctOn([caseEvents.caseId], { caseId: caseEvents.caseId, note: caseEvents.note })
    .from(caseEvents)
    .where(and(inArray(caseEvents.caseId, caseIds), isNotNull(caseEvents.note), sql`${caseEvents.note} <> ''`))
    .orderBy(caseEvents.caseId, desc(caseEvents.id));
  return new Map(rows.map((r) => [r.caseId, r.note!]));
}

export async function findToken(db: Queryable, token: string) {
  const [row] = await db
    .select({ caseId: open311Requests.caseId, token: open311Requests.token })
    .from(open311Requests)
    .where(eq(open311Requests.token, token));
  return row ?? null;
}

/** Each state change of a case as a GeoReport request update (mySociety's servicerequestupdates extension). */
export async function findUpdates(db: Queryable, f: { from: Date; to: Date; limit: number; offset: number }) {
  return db
    .select({
      id: caseEvents.id,
      caseId: caseEvents.caseId,
      toState: caseEvents.toState,
      note: caseEvents.note,
      at: caseEvents.at,
    })
    .from(caseEvents)
    .where(and(isNotNull(caseEvents.toState), gte(caseEvents.at, f.from), lte(caseEvents.at, f.to)))
    .orderBy(caseEvents.at, caseEvents.id)
    .limit(f.limit)
    .offset(f.offset);
}
