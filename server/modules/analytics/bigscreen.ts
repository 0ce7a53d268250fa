import type { z } from 'zod';
import type { bigscreenBaseSchema, overdueCaseSchema } from '../../../contracts/analytics.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { cohort } from './cohort.ts';
import { periodsAt } from './periods.ts';
import { breakdown, figure, list } from './registry.ts';
import { SNAPSHOT_FIGURES, snapshotValues } from './snapshots.ts';
import type { StatQuery } from './stat-provider.ts';

const CASES = 'cases.cohort';

// List figures are raw rows of their providers; the route's response schema checks them as they are sent.
type RedListRow = z.input<typeof bigscreenBaseSchema>['redList'][number];
export type OverdueRow = z.input<typeof overdueCaseSchema>;

/**
 * Slow-moving panels: base-data counts, members, volunteers, wishes, the red list. Figures over
 * whole streets come from the snapshot job (snapshots.ts) while it is fresh, else live.
 */
export async function bigscreenBase(db: Queryable, scopePath: string, now: Date) {
  const p = periodsAt(now);
  const month: StatQuery = { scopePath, from: p.monthStart, to: p.nextMonthStart, now };
  const kept = await snapshotValues(db, SNAPSHOT_FIGURES, month);
  const fig = (name: string) => (kept.has(name) ? Promise.resolve(kept.get(name) as number) : figure(db, name, month));
  const [population, households, entities, members, volunteers, grids, wishesFulfilled, volunteerHours, redList] =
    await Promise.all([
      fig('people.population'),
      figure(db, 'org.households', month),
      fig('people.entities'),
      fig('party.members'),
      fig('volunteers.volunteers'),
      figure(db, 'org.grids', month),
      figure(db, 'wishes.fulfilled', month),
      figure(db, 'volunteers.hours', month),
      kept.has('party.redList')
        ? (kept.get('party.redList') as Record<string, unknown>[])
        : list(db, 'party.redList', month),
    ]);
  return {
    month: p.month,
    counts: { population, households, entities, members, volunteers, grids },
    wishesFulfilled,
    volunteerHours,
    redList: redList as RedListRow[],
  };
}

/**
 * Case panels. Today's counts and the overdue list are live indexed queries; the month, the
 * rankings and the 12-month trend come from the rollup the refresh job keeps.
 */
export async function bigscreenCases(db: Queryable, scopePath: string, now: Date) {
  const p = periodsAt(now);
  const today: StatQuery = { scopePath, from: p.todayStart, to: p.tomorrowStart, now };
  const rollup = (dim: string, months = [p.month], byMonth = false) =>
    cohort(db, { source: CASES, nodePath: scopePath, dim, months, byMonth });
  const [todayByState, overdue, byState, [totals], categories, departments, trend] = await Promise.all([
    breakdown(db, 'cases.byState', today),
    list(db, 'cases.overdue', today),
    rollup('state'),
    rollup('all'),
    rollup('category'),
    rollup('department'),
    rollup('all', p.last12, true),
  ]);
  const byReported = <T extends { reported: number; key: string }>(a: T, b: T) =>
    b.reported - a.reported || a.key.localeCompare(b.key);
  return {
    month: p.month,
    today: { reported: todayByState.reduce((n, s) => n + s.value, 0), byState: todayByState },
    thisMonth: {
      reported: totals?.reported ?? 0,
      closed: totals?.closed ?? 0,
      onTimeCloseRate: totals?.onTimeCloseRate ?? null,
      satisfactionRate: totals?.satisfactionRate ?? null,
      byState: byState.map((s) => ({ key: s.key, name: s.name, value: s.reported })).sort((a, b) => b.value - a.value),
    },
    topCategories: categories
      .sort(byReported)
      .slice(0, 8)
      .map((c) => ({ key: c.key, name: c.name, value: c.reported })),
    departments: departments
      .filter((d) => d.key !== 'none')
      .sort((a, b) => (b.onTimeCloseRate ?? -1) - (a.onTimeCloseRate ?? -1) || byReported(a, b))
      .slice(0, 10),
    overdue: overdue as OverdueRow[],
    trend: p.last12.map(
      (m) =>
        trend.find((t) => t.key === m) ?? {
          key: m,
          name: m,
          reported: 0,
          closed: 0,
          onTimeCloseRate: null,
          satisfactionRate: null,
        },
    ),
  };
}
