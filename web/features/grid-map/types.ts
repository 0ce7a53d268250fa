/** WGS84 [lng, lat], as GeoJSON orders them. */
export type Position = [number, number];

export type Geometry =
  { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };

export interface GridProperties {
  id: number;
  code: string;
  name: string;
  households: number;
  buildings: number;
  communityId: number;
  communityName: string;
  gridWorker: string | null;
  branch: string | null;
}

export interface GridFeature {
  type: 'Feature';
  id: number | string;
  /** null for a grid registered before its boundary was drawn. */
  geometry: Geometry | null;
  properties: GridProperties;
}

/** GET /api/org/nodes/:id/grids */
export interface GridCollection {
  type: 'FeatureCollection';
  features: GridFeature[];
}

/** GET /api/org/nodes/:id/outline */
export interface OutlineFeature {
  type: 'Feature';
  geometry: Geometry | null;
  properties: { id: number; code: string; name: string };
}

/** GET /api/org/grids/:id */
export interface GridDetail {
  id: number;
  code: string;
  name: string;
  households: number;
  /** null while the people register is not there to count from. */
  population: number | null;
  buildings: number;
  estates: { id: number; name: string }[];
  gridWorker: { id: number; displayName: string; phoneMasked: string } | null;
  buildingLeaders: { id: number; displayName: string }[];
  branch: { id: number; name: string; secretary: string | null; members: number | null } | null;
  community: { id: number; name: string } | null;
  /** What the viewer may do with the grid ('assign_worker': change its worker). */
  abilities?: string[];
}

/** POST /api/org/nodes/:id/boundaries/import */
export interface ImportFeatureReport {
  index: number;
  code: string | null;
  name: string | null;
  nodeId: number | null;
  action: 'created' | 'updated' | 'unchanged' | 'error';
  areaBeforeM2: number | null;
  areaAfterM2: number | null;
  snappedM2: number;
  messages: string[];
}

export interface ImportReport {
  parent: { id: number; code: string; name: string; level: string };
  childLevel: 'community' | 'grid';
  dryRun: boolean;
  applied: boolean;
  toleranceM2: number;
  summary: { created: number; updated: number; unchanged: number; error: number };
  warnings: string[];
  features: ImportFeatureReport[];
}
