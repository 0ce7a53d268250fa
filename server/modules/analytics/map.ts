import type { Queryable } from '../../platform/db/tx.ts';
import type { z } from 'zod';
import type { GridCard, MapLayer, mapLayersSchema } from '../../../contracts/analytics.ts';
import type { OverdueRow } from './bigscreen.ts';
import { cohort } from './cohort.ts';
import { periodsAt } from './periods.ts';
import { breakdown, figure, list } from './registry.ts';
import type { StatQuery } from './stat-provider.ts';

type Layers = z.input<typeof mapLayersSchema>;

interface GridCounts {
  path: string;
  open: number;
  overdue: number;
  care: number;
  partyHouseholds: number;
}

/** Layer data for the one map: per-grid counts (never names) and the point layers asked for. */
export async function mapLayers(db: Queryable, scopePath: string, layers: MapLayer[], now: Date) {
  const p = periodsAt(now);
  const q: StatQuery = { scopePath, from: p.monthStart, to: p.nextMonthStart, now };
  const want = new Set(layers);
  const [open, care, households, cases, components, activities, stations] = await Promise.all([
    list(db, 'cases.openByPath', q),
    want.has('care') ? breakdown(db, 'people.careByGrid', q) : [],
    want.has('partyHouseholds') ? breakdown(db, 'party.householdsByGrid', q) : [],
    want.has('cases') ? list(db, 'cases.points', q) : [],
    want.has('components') ? list(db, 'people.components', q) : [],
    want.has('activities') ? breakdown(db, 'volunteers.activitiesByCommunity', q) : [],
    want.has('stations') ? list(db, 'services.stations', q) : [],
  ]);
  const grids = new Map<string, GridCounts>();
  const at = (path: string) =>
    grids.get(path) ?? grids.set(path, { path, open: 0, overdue: 0, care: 0, partyHouseholds: 0 }).get(path)!;
  for (const r of open) Object.assign(at(String(r.path)), { open: Number(r.open), overdue: Number(r.overdue) });
  for (const s of care) at(s.key).care = s.value;
  for (const s of households) at(s.key).partyHouseholds = s.value;
  return {
    grids: [...grids.values()],
    cases: cases as Layers['cases'],
    components: components as Layers['components'],
    activities: activities.map((a) => ({ communityPath: a.key, count: a.value })),
    stations: stations as Layers['stations'],
  };
}

/** What the map's grid card adds to the org module's grid detail: people, members, cases and this month's indicators. */
export async function gridCard(db: Queryable, gridPath: string, now: Date) {
  const p = periodsAt(now);
  const q: StatQuery = { scopePath: gridPath, from: p.monthStart, to: p.nextMonthStart, now };
  const [population, households, members, open, [month], overdue, forces, posts] = await Promise.all([
    figure(db, 'people.population', q),
    figure(db, 'org.households', q),
    figure(db, 'party.members', q),
    list(db, 'cases.openByPath', q),
    cohort(db, { source: 'cases.cohort', nodePath: gridPath, dim: 'all', months: [p.month] }),
    list(db, 'cases.overdue', q),
    // The grid's people (网格力量 and posts) come from the cadres module's providers; empty without it.
    list(db, 'cadres.gridForces', q),
    list(db, 'cadres.gridPosts', q),
  ]);
  const sum = (k: 'open' | 'overdue') => open.reduce((n, r) => n + Number(r[k]), 0);
  return {
    population,
    households,
    members,
    openCases: sum('open'),
    overdueCases: sum('overdue'),
    overdue: overdue as OverdueRow[],
    // Rows of the cadres module's list providers, in the contract's shape (contracts/cadres.ts gridPeopleSchema).
    forces: forces as unknown as GridCard['forces'],
    posts: posts as unknown as GridCard['posts'],
    thisMonth: {
      reported: month?.reported ?? 0,
      closed: month?.closed ?? 0,
      onTimeCloseRate: month?.onTimeCloseRate ?? null,
      satisfactionRate: month?.satisfactionRate ?? null,
    },
  };
}
