import { ApiError, apiGet, apiSend, readCookie } from '../../shared/api';
import { fetchChildren } from '../org/api';
import type { OrgNode } from '../org/types';
import type { Geometry, GridCollection, GridDetail, ImportReport, OutlineFeature } from './types';

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

export function saveGridGeometry(gridId: number, geometry: Geometry): Promise<unknown> {
  return apiSend('PUT', `/api/org/grids/${gridId}/geometry`, { geometry });
}

/** POST /api/org/nodes/:id/boundaries/import (multipart: the shared client sends JSON only). */
export async function importBoundaries(
  nodeId: number,
  file: File,
  opts: { dryRun: boolean; toleranceM2: number },
): Promise<ImportReport> {
  const form = new FormData();
  form.append('file', file);
  const token = readCookie(document.cookie, 'gh_csrf');
  const res = await fetch(
    `/api/org/nodes/${nodeId}/boundaries/import?dryRun=${opts.dryRun}&toleranceM2=${opts.toleranceM2}`,
    {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: token ? { 'x-csrf-token': token } : {},
    },
  );
  const body = (await res.json().catch(() => null)) as {
    data?: ImportReport;
    error?: { code: string; message: string; details?: { path: string; message: string }[] };
  } | null;
  if (!res.ok || !body?.data)
    throw new ApiError(
      res.status,
      body?.error?.code ?? `HTTP_${res.status}`,
      body?.error?.message ?? '导入失败',
      body?.error?.details ?? [],
    );
  return body.data;
}
