import { z } from 'zod';
import type { gridPeopleSchema } from './cadres.ts';

type GridPeople = z.infer<typeof gridPeopleSchema>;

export const MAP_LAYERS = ['cases', 'components', 'partyHouseholds', 'care', 'activities', 'stations'] as const;
export type MapLayer = (typeof MAP_LAYERS)[number];

/** Which node the big screen or map looks at; the actor's own scope node when omitted. */
export const scopeQuery = z.object({ nodeId: z.coerce.number().int().positive().optional() });

export const mapLayersQuery = scopeQuery.extend({
  layers: z
    .string()
    .default('cases')
    .transform((s) =>
      s
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(MAP_LAYERS, { error: '未知的图层' })).max(MAP_LAYERS.length)),
});

export interface Slice {
  key: string;
  name: string;
  value: number;
}
export interface CohortFigures {
  key: string;
  name: string;
  reported: number;
  closed: number;
  onTimeCloseRate: number | null;
  satisfactionRate: number | null;
}
export interface ScopeNode {
  id: number;
  name: string;
  level: string;
  path: string;
}

/** GET /api/analytics/bigscreen/base */
export interface BigscreenBase {
  node: ScopeNode;
  /** Child nodes one can drill into (communities of a street, grids of a community). */
  children: ScopeNode[];
  month: string;
  counts: Record<'population' | 'households' | 'entities' | 'members' | 'volunteers' | 'grids', number | null>;
  wishesFulfilled: number | null;
  volunteerHours: number | null;
  redList: { id: number; name: string; points: number }[];
}

/** GET /api/analytics/bigscreen/cases */
export interface BigscreenCases {
  month: string;
  today: { reported: number; byState: Slice[] };
  thisMonth: {
    reported: number;
    closed: number;
    onTimeCloseRate: number | null;
    satisfactionRate: number | null;
    byState: Slice[];
  };
  topCategories: Slice[];
  departments: CohortFigures[];
  overdue: { id: number; caseNo: string; title: string; state: string; dueAt: string; place: string | null }[];
  trend: CohortFigures[];
}

/** GET /api/analytics/map/layers */
export interface MapLayers {
  grids: { path: string; open: number; overdue: number; care: number; partyHouseholds: number }[];
  cases: { id: number; lng: number; lat: number; state: string; overdue: boolean }[];
  components: { id: number; lng: number; lat: number; name: string; state: string }[];
  activities: { communityPath: string; count: number }[];
  /** 党群服务驿站; `located` 'community' when the point is only the community's centre (no building known). */
  stations: {
    id: number;
    name: string;
    address: string;
    hours: string;
    communityPath: string;
    lng: number;
    lat: number;
    located: 'building' | 'community';
  }[];
}

/** GET /api/analytics/grids/:id */
export interface GridCard {
  population: number | null;
  households: number | null;
  members: number | null;
  openCases: number;
  overdueCases: number;
  overdue: BigscreenCases['overdue'];
  thisMonth: { reported: number; closed: number; onTimeCloseRate: number | null; satisfactionRate: number | null };
  /** 网格力量 (phones masked) and the posts held in the grid, from the cadres module; empty without it. */
  forces: GridPeople['forces'];
  posts: GridPeople['posts'];
}
