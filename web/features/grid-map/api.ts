import { apiGet } from '../../shared/api';
import { fetchChildren } from '../org/api';
import type { OrgNode } from '../org/types';
import type { GridCollection, GridDetail, OutlineFeature } from './types';

export function fetchGrids(nodeId: number, signal?: AbortSignal): Promise<GridCollection> {
  return apiGet<GridCollection>(`/api/org/nodes/${nodeId}/grids`, { signal });
}

export function fetchOutline(nodeId: number, signal?: AbortSignal): Promise<OutlineFeature> {
  return apiGet<OutlineFeature>(`/api/org/nodes/${nodeId}/outline`, { signal });
}

export async function fetchGrid(gridId: number, signal?: AbortSignal): Promise<GridDetail> {
  const res = await apiGet<{ data: GridDetail }>(`/api/org/grids/${gridId}`, { signal });
  return res.data;
}

/**
 * All children of a street or district, for the node picker. Bounded: a district has a few
 * dozen streets at most, and a runaway loop must not hammer the server.
 */
export async function fetchAllChildren(nodeId: number, signal?: AbortSignal): Promise<OrgNode[]> {
  const pageSize = 100;
  const all: OrgNode[] = [];
  for (let page = 1; page <= 10; page++) {
    const res = await fetchChildren(nodeId, page, pageSize, signal);
    all.push(...res.data);
    if (res.data.length === 0 || all.length >= res.page.total) break;
  }
  return all;
}
