/** What the demo seed's tree writer (server/seed/seed-tree.ts) returns; each module's demo seed reads it. */
export interface SeededGrid {
  id: number;
  path: string;
  code: string;
  name: string;
  households: number;
  communityIndex: number;
  buildingIds: number[];
}
export interface SeededCommunity {
  id: number;
  path: string;
  code: string;
  name: string;
  streetIndex: number;
  grids: SeededGrid[];
}
export interface SeededTree {
  district: { id: number; path: string; code: string; name: string };
  streets: { id: number; path: string; code: string; name: string; communities: SeededCommunity[] }[];
  nodes: number;
}
