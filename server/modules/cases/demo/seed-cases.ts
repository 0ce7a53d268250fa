import { sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/tx.ts';
import { createWorkingCalendar, createDayKindResolver } from '../../../platform/calendar/index.ts';
import { createRng, hashSeed, type Rng } from '../../../platform/demo-data/prng.ts';
import type { SeededTree } from '../../org/demo-tree.ts';
import { personName } from '../../../platform/demo-data/names.ts';
import type { CaseState } from '../lifecycle.ts';
import { caseCategories, caseEvents, cases, type CaseSource } from '../schema.ts';
import { composeReport } from './compose.ts';
import { historyFor, type Step } from './history.ts';

const HOUR = 3_600_000;
const SOURCES: [CaseSource, number][] = [
  ['resident', 40],
  ['patrol', 30],
  ['building_leader', 8],
  ['volunteer', 8],
  ['window', 6],
  ['visit', 5],
  ['hotline', 3],
];

function weighted<T>(rng: Rng, items: [T, number][]): T {
  let r = rng.next() * items.reduce((s, [, w]) => s + w, 0);
  for (const [item, w] of items) if ((r -= w) < 0) return item;
  return items[0]![0];
}

/**
 * A year of case history for the demo district, written directly (not through the API) so the
 * first start stays fast: inboxes, timelines, indicators and the big screen have data to show.
 * `perStreet[i]` cases go to street i.
 */
export async function seedDemoCases(tx: Tx, tree: SeededTree, perStreet: number[], now = new Date()): Promise<number> {
  const rng = createRng(hashSeed('cases', tree.district.code));
  const calendar = createWorkingCalendar(createDayKindResolver());
  const leaves = await tx
    .select()
    .from(caseCategories)
    .where(sql`${caseCategories.parentId} is not null`);
  const parents = new Map(
    (
      await tx
        .select()
        .from(caseCategories)
        .where(sql`${caseCategories.parentId} is null`)
    ).map((p) => [p.id, p]),
  );
  const boxes = new Map(
    (
      await tx.execute<{ id: number; min_lng: number; min_lat: number; max_lng: number; max_lat: number }>(
        sql`select id, min_lng, min_lat, max_lng, max_lat from org_nodes where level = 'grid'`,
      )
    ).rows.map((r) => [r.id, r]),
  );
  const depts = (
    await tx.execute<{ id: number; code: string; serves: number; level: string }>(
      sql`select d.id, d.code, d.serves_node_id as serves, n.level from departments d join org_nodes n on n.id = d.serves_node_id`,
    )
  ).rows;
  const [first] = (await tx.execute<{ id: number }>(sql`select coalesce(max(id), 0)::int8 as id from cases`)).rows;
  let id = Number(first?.id ?? 0);
  const rows: (typeof cases.$inferInsert)[] = [];
  const events: (typeof caseEvents.$inferInsert)[] = [];
  for (const [si, street] of tree.streets.entries()) {
    const grids = street.communities.flatMap((c) => c.grids.map((g) => ({ ...g, communityId: c.id })));
    for (let n = 0; n < (perStreet[si] ?? 0) && grids.length; n++) {
      const grid = rng.pick(grids);
      const box = boxes.get(grid.id)!;
      const leaf = rng.pick(leaves);
      const parent = parents.get(leaf.parentId!)!;
      // One case in ten falls in the last five days (the open work of today), the rest over the year.
      const reportedAt = new Date(
        now.getTime() - (rng.next() < 0.1 ? rng.next() * 5 * 24 : rng.next() * 365 * 24) * HOUR,
      );
      const level = leaf.defaultLevel ?? parent.defaultLevel ?? 'community';
      const deptCode = leaf.defaultDepartmentCode ?? parent.defaultDepartmentCode;
      const dept =
        level === 'department'
          ? (depts.find((d) => d.code === deptCode && d.serves === street.id) ??
            depts.find((d) => d.code === deptCode && d.level === 'district'))
          : undefined;
      const limits = {
        accept: leaf.acceptMinutes ?? parent.acceptMinutes ?? 120,
        handle: leaf.handleMinutes ?? parent.handleMinutes ?? 2250,
      };
      // Recent cases are caught mid-way, so every inbox has work in each state.
      const recent = now.getTime() - reportedAt.getTime() < 5 * 24 * HOUR;
      const horizon = recent
        ? new Date(reportedAt.getTime() + rng.next() * (now.getTime() - reportedAt.getTime()))
        : now;
      const history = historyFor(rng, reportedAt, horizon, limits, calendar);
      const state: CaseState = history.at(-1)!.state;
      const at = (s: CaseState) => history.find((h) => h.state === s)?.at ?? null;
      const text = composeReport(leaf.code, rng);
      const source = weighted(rng, SOURCES);
      id++;
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })
        .format(reportedAt)
        .replaceAll('-', '');
      const last = history.at(-1)!;
      rows.push({
        id,
        caseNo: `GS${day}${String(id).padStart(7, '0')}`,
        ...text,
        source,
        state,
        version: history.length,
        categoryId: leaf.id,
        reporterName: personName(rng),
        lng: box.min_lng + (0.2 + 0.6 * rng.next()) * (box.max_lng - box.min_lng),
        lat: box.min_lat + (0.2 + 0.6 * rng.next()) * (box.max_lat - box.min_lat),
        gridId: grid.id,
        communityId: grid.communityId,
        streetId: street.id,
        scopePath: grid.path,
        dispatchLevel: at('dispatched') ? (dept ? 'department' : level === 'department' ? 'community' : level) : null,
        departmentId: at('dispatched') && dept ? dept.id : null,
        assigneeNodeId:
          at('dispatched') && !dept
            ? (({ grid: grid.id, community: grid.communityId, street: street.id } as Record<string, number>)[level] ??
              grid.communityId)
            : null,
        dueAt: last.dueAt,
        stepStartedAt: last.at,
        reportedAt,
        acceptedAt: at('accepted'),
        dispatchedAt: at('dispatched'),
        handledAt: at('handled'),
        closedAt: at('closed'),
        acceptedOnTime: history.find((h) => h.state === 'accepted')?.onTime ?? null,
        handledOnTime: history.find((h) => h.state === 'handled')?.onTime ?? null,
        closedOnTime: at('closed') ? history.every((h) => h.onTime !== false) : null,
        reworkCount: history.filter((h) => h.action === 'rework').length,
        verifyPassed: at('verified') ? !history.some((h) => h.action === 'rework') : null,
        score: history.find((h) => h.state === 'rated')?.score ?? null,
        stateReason: last.reason ?? null,
        updatedAt: last.at,
      });
      events.push(
        ...history.map((h: Step, i) => ({
          caseId: id,
          at: h.at,
          action: h.action,
          fromState: i ? history[i - 1]!.state : null,
          toState: h.state,
          note: h.reason ?? h.feedback ?? null,
          data: h.score ? { score: h.score } : {},
        })),
      );
      if (rows.length >= 500) await flush();
    }
  }
  await flush();
  await tx.execute(sql`select setval(pg_get_serial_sequence('cases', 'id'), greatest(${id}, 1))`);
  return id;

  async function flush() {
    if (rows.length) await tx.insert(cases).values(rows.splice(0));
    for (let i = 0; i < events.length; i += 2000) await tx.insert(caseEvents).values(events.slice(i, i + 2000));
    events.length = 0;
  }
}
