import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { loadWorkingCalendar } from '../../../platform/calendar/load.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { dueAtFor } from '../deadline-steps.ts';
import { loadLimitResolver } from '../limits.ts';
import { cases } from '../schema.ts';
import { levelsOfPath } from '../tree.ts';
import { insertReportedCases, type ReadyCase } from './insert-reported-cases.ts';

/** A case another module files on a system account's behalf (a device gateway), already placed. */
export interface SystemCase {
  /** The community's system account the case is filed under. */
  actor: Actor;
  /** Unique per source: a resent report with the same reference files nothing. */
  externalRef: string;
  title: string;
  description: string;
  categoryId: number | null;
  address: string;
  lng: number | null;
  lat: number | null;
  /** The grid's path when the place is in a grid, else the community's. */
  scopePath: string;
}

/**
 * Files many system cases (source `device`) inside the caller's transaction, set-based like the
 * hotline import: limits read once, one deadline per distinct limit, one INSERT … SELECT per
 * gateway account with the timeline and live events, and one audit row per gateway account
 * listing the references filed. Returns the case id of every reference (new or filed before).
 */
export async function reportSystemCases(tx: Tx, source: 'device', items: SystemCase[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  if (!items.length) return ids;
  const now = new Date();
  const limitsOf = await loadLimitResolver(
    tx,
    items.flatMap((i) => (i.categoryId ? [i.categoryId] : [])),
  );
  const calendar = await loadWorkingCalendar(tx);
  const byActor = new Map<number, { actor: Actor; rows: ReadyCase[] }>();
  for (const item of items) {
    const levels = levelsOfPath(item.scopePath);
    const limits = limitsOf(item.categoryId, levels.communityId!, levels.streetId!);
    const group = byActor.get(item.actor.userId) ?? { actor: item.actor, rows: [] };
    byActor.set(item.actor.userId, group);
    group.rows.push({
      title: item.title,
      description: item.description,
      categoryId: item.categoryId,
      reporterName: item.actor.displayName,
      reporterPhoneEnc: null,
      lng: item.lng,
      lat: item.lat,
      address: item.address,
      externalRef: item.externalRef,
      gridId: levels.gridId,
      communityId: levels.communityId!,
      streetId: levels.streetId!,
      scopePath: item.scopePath,
      dueAt: dueAtFor('reported', now, limits, calendar),
    });
  }
  for (const { actor, rows } of byActor.values()) {
    const created = await insertReportedCases(tx, actor, source, rows, now);
    if (created)
      await recordAudit(tx, actor, {
        action: `cases.report.${source}`,
        targetType: 'case',
        targetId: null,
        scopePath: actor.scopePath,
        summary: { created, refs: rows.map((r) => r.externalRef) },
      });
  }
  const refs = items.map((i) => i.externalRef);
  for (const row of await tx
    .select({ id: cases.id, ref: cases.externalRef })
    .from(cases)
    .where(and(eq(cases.source, source), sql`${cases.externalRef} = any(${sql.param(refs)}::text[])`)))
    ids.set(row.ref!, row.id);
  return ids;
}
