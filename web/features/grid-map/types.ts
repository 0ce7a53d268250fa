import type { z } from 'zod';
import type {
  BoundaryImportReport,
  GridFeature as ContractGridFeature,
  nodeOutlineSchema,
} from '../../../contracts/org-responses.ts';

/** WGS84 [lng, lat], as GeoJSON orders them. */
export type Position = [number, number];

export type Geometry =
  { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };

// Response shapes come from the contracts; only the geometry is narrowed here to the polygons the map draws
// (the server sends the stored GeoJSON, typed there as unknown).
export type GridProperties = ContractGridFeature['properties'];

export type GridFeature = Omit<ContractGridFeature, 'geometry'> & {
  /** null for a grid registered before its boundary was drawn. */
  geometry: Geometry | null;
};

/** GET /api/org/nodes/:id/grids */
export interface GridCollection {
  type: 'FeatureCollection';
  features: GridFeature[];
}

/** GET /api/org/nodes/:id/outline */
export type OutlineFeature = Omit<z.infer<typeof nodeOutlineSchema>, 'geometry'> & { geometry: Geometry | null };

/** GET /api/org/grids/:id */
export type { GridDetail } from '../../../contracts/org-responses.ts';

/** POST /api/org/nodes/:id/boundaries/import */
export type ImportReport = BoundaryImportReport;
export type ImportFeatureReport = BoundaryImportReport['features'][number];
