import { z } from 'zod';
import { gridPeopleSchema } from './cadres.ts';
import { decimal, decimalNumber } from './query.ts';

export const MAP_LAYERS = ['cases', 'components', 'partyHouseholds', 'care', 'activities', 'stations'] as const;
export type MapLayer = (typeof MAP_LAYERS)[number];

/** Which node the big screen or map looks at; the actor's own scope node when omitted. */
export const scopeQuery = z.object({ nodeId: decimal(decimalNumber().int().positive()).optional() });

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

/**
 * Responses. Rows of the list figures come from raw SQL (stat providers): timestamps arrive as Date (or text),
 * so `moment` takes either and the web reads the ISO text it is sent.
 */
const moment = z.union([z.date(), z.string()]);

export const sliceSchema = z.object({ key: z.string(), name: z.string(), value: z.number() });
export type Slice = z.infer<typeof sliceSchema>;
export const cohortFiguresSchema = z.object({
  key: z.string(),
  name: z.string(),
  reported: z.number(),
  closed: z.number(),
  onTimeCloseRate: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
});
export type CohortFigures = z.infer<typeof cohortFiguresSchema>;
export const scopeNodeSchema = z.object({ id: z.number(), name: z.string(), level: z.string(), path: z.string() });
export type ScopeNode = z.infer<typeof scopeNodeSchema>;

/** GET /api/analytics/bigscreen/base */
export const bigscreenBaseSchema = z.object({
  node: scopeNodeSchema,
  /** Child nodes one can drill into (communities of a street, grids of a community). */
  children: z.array(scopeNodeSchema),
  month: z.string(),
  counts: z.object({
    population: z.number().nullable(),
    households: z.number().nullable(),
    entities: z.number().nullable(),
    members: z.number().nullable(),
    volunteers: z.number().nullable(),
    grids: z.number().nullable(),
  }),
  wishesFulfilled: z.number().nullable(),
  volunteerHours: z.number().nullable(),
  redList: z.array(z.object({ id: z.number(), name: z.string(), points: z.number() })),
});
export type BigscreenBase = z.infer<typeof bigscreenBaseSchema>;

export const overdueCaseSchema = z.object({
  id: z.number(),
  caseNo: z.string(),
  title: z.string(),
  state: z.string(),
  dueAt: moment,
  place: z.string().nullable(),
});

/** GET /api/analytics/bigscreen/cases */
export const bigscreenCasesSchema = z.object({
  month: z.string(),
  today: z.object({ reported: z.number(), byState: z.array(sliceSchema) }),
  thisMonth: z.object({
    reported: z.number(),
    closed: z.number(),
    onTimeCloseRate: z.number().nullable(),
    satisfactionRate: z.number().nullable(),
    byState: z.array(sliceSchema),
  }),
  topCategories: z.array(sliceSchema),
  departments: z.array(cohortFiguresSchema),
  overdue: z.array(overdueCaseSchema),
  trend: z.array(cohortFiguresSchema),
});
/** The web reads `dueAt` as the ISO text it is sent. */
export type BigscreenCases = Omit<z.infer<typeof bigscreenCasesSchema>, 'overdue'> & { overdue: OverdueCase[] };
export type OverdueCase = Omit<z.infer<typeof overdueCaseSchema>, 'dueAt'> & { dueAt: string };

/** GET /api/analytics/map/layers */
export const mapLayersSchema = z.object({
  grids: z.array(
    z.object({
      path: z.string(),
      open: z.number(),
      overdue: z.number(),
      care: z.number(),
      partyHouseholds: z.number(),
    }),
  ),
  cases: z.array(
    z.object({ id: z.number(), lng: z.number(), lat: z.number(), state: z.string(), overdue: z.boolean().nullable() }),
  ),
  components: z.array(
    z.object({ id: z.number(), lng: z.number(), lat: z.number(), name: z.string(), state: z.string() }),
  ),
  activities: z.array(z.object({ communityPath: z.string(), count: z.number() })),
  /** 党群服务驿站; `located` 'community' when the point is only the community's centre (no building known). */
  stations: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      address: z.string(),
      hours: z.string(),
      communityPath: z.string(),
      lng: z.number(),
      lat: z.number(),
      located: z.enum(['building', 'community']),
    }),
  ),
});
export type MapLayers = z.infer<typeof mapLayersSchema>;

/** GET /api/analytics/grids/:id */
export const gridCardSchema = z.object({
  population: z.number().nullable(),
  households: z.number().nullable(),
  members: z.number().nullable(),
  openCases: z.number(),
  overdueCases: z.number(),
  overdue: z.array(overdueCaseSchema),
  thisMonth: z.object({
    reported: z.number(),
    closed: z.number(),
    onTimeCloseRate: z.number().nullable(),
    satisfactionRate: z.number().nullable(),
  }),
  /** 网格力量 (phones masked) and the posts held in the grid, from the cadres module; empty without it. */
  forces: gridPeopleSchema.shape.forces,
  posts: gridPeopleSchema.shape.posts,
});
export type GridCard = Omit<z.infer<typeof gridCardSchema>, 'overdue'> & { overdue: OverdueCase[] };
