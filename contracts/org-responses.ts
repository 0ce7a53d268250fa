import { z } from 'zod';
import { nodeLevelSchema } from './accounts.ts';
import { orgNodeSchema } from './org.ts';

/** Governance tree responses (what the server sends; fields not listed here are dropped by the serializer). */

export const orgNodeResponse = z.object({ data: orgNodeSchema });

/** A grid on the map: its outline and the figures its label shows. */
export const gridFeatureSchema = z.object({
  type: z.literal('Feature'),
  id: z.number(),
  /** GeoJSON Polygon/MultiPolygon as stored (null before it is drawn). */
  geometry: z.unknown(),
  properties: z.object({
    id: z.number(),
    code: z.string(),
    name: z.string(),
    households: z.number(),
    buildings: z.number(),
    communityId: z.number(),
    communityName: z.string(),
    gridWorker: z.string().nullable(),
    branch: z.string().nullable(),
  }),
});
export type GridFeature = z.infer<typeof gridFeatureSchema>;
export const gridFeatureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(gridFeatureSchema),
});
export type GridFeatureCollection = z.infer<typeof gridFeatureCollectionSchema>;

export const nodeOutlineSchema = z.object({
  type: z.literal('Feature'),
  geometry: z.unknown(),
  properties: z.object({ id: z.number(), code: z.string(), name: z.string() }),
});

export const coverageResponse = z.object({
  data: z.object({
    communityId: z.number(),
    grids: z.number(),
    uncoveredM2: z.number(),
    uncoveredRatio: z.number(),
    /** GeoJSON of the area no grid covers (null: fully covered). */
    uncovered: z.unknown(),
  }),
});

export const gridDetailSchema = orgNodeSchema.extend({
  households: z.number(),
  population: z.number().nullable(),
  buildings: z.number(),
  houses: z.number(),
  estates: z.array(z.object({ id: z.number(), name: z.string() })),
  gridWorker: z.object({ id: z.number(), displayName: z.string(), phoneMasked: z.string().nullable() }).nullable(),
  buildingLeaders: z.array(z.object({ id: z.number(), displayName: z.string() })),
  branch: z
    .object({ id: z.number(), name: z.string(), secretary: z.string().nullable(), members: z.number().nullable() })
    .nullable(),
  community: z.object({ id: z.number(), name: z.string() }).nullable(),
  abilities: z.array(z.string()),
});
export type GridDetail = z.input<typeof gridDetailSchema>;
export const gridDetailResponse = z.object({ data: gridDetailSchema });

export const boundaryImportReportSchema = z.object({
  parent: z.object({ id: z.number(), code: z.string(), name: z.string(), level: nodeLevelSchema }),
  childLevel: z.enum(['community', 'grid']),
  dryRun: z.boolean(),
  applied: z.boolean(),
  toleranceM2: z.number(),
  summary: z.object({ created: z.number(), updated: z.number(), unchanged: z.number(), error: z.number() }),
  warnings: z.array(z.string()),
  features: z.array(
    z.object({
      index: z.number(),
      code: z.string().nullable(),
      name: z.string().nullable(),
      nodeId: z.number().nullable(),
      action: z.enum(['created', 'updated', 'unchanged', 'error']),
      areaBeforeM2: z.number().nullable(),
      areaAfterM2: z.number().nullable(),
      snappedM2: z.number(),
      messages: z.array(z.string()),
    }),
  ),
});
export type BoundaryImportReport = z.infer<typeof boundaryImportReportSchema>;
export const boundaryImportResponse = z.object({ data: boundaryImportReportSchema });

/** The grid under a point (absent only if it was removed between the lookup and the read). */
export const locateResponse = z.object({
  data: z.object({ id: z.number(), code: z.string(), name: z.string() }).optional(),
});

export const communityDirectoryResponse = z.object({
  data: z.array(z.object({ id: z.number(), code: z.string(), name: z.string(), streetName: z.string() })),
});

export const partyOrgUnderSchema = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  kind: z.string(),
  name: z.string(),
  nodeId: z.number().nullable(),
  secretaryName: z.string().nullable(),
  coUnits: z.array(z.object({ name: z.string(), type: z.string(), relation: z.string() })),
});
export type PartyOrgUnder = z.infer<typeof partyOrgUnderSchema>;
export const partyOrgsUnderResponse = z.object({ data: z.array(partyOrgUnderSchema) });

export const departmentServingSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  servesNodeId: z.number(),
  servesName: z.string(),
});
export const departmentsServingResponse = z.object({ data: z.array(departmentServingSchema) });

export const gridWorkerTermSchema = z.object({
  id: z.number(),
  userId: z.number(),
  displayName: z.string(),
  phoneMasked: z.string().nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  note: z.string().nullable(),
  assignedBy: z.string().nullable(),
});
export type GridWorkerTerm = z.infer<typeof gridWorkerTermSchema>;
export const gridWorkerTermsResponse = z.object({ data: z.array(gridWorkerTermSchema) });

export const gridWorkerCandidateSchema = z.object({
  id: z.number(),
  displayName: z.string(),
  username: z.string(),
  phoneMasked: z.string().nullable(),
  gridName: z.string().nullable(),
});
export type GridWorkerCandidate = z.infer<typeof gridWorkerCandidateSchema>;
export const gridWorkerCandidatesResponse = z.object({ data: z.array(gridWorkerCandidateSchema) });
