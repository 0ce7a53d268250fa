import type { GridCard, MapLayer, MapLayers } from '../../../contracts/analytics.ts';
import { apiGet } from '../../shared/api';

export async function fetchLayers(nodeId: number, layers: MapLayer[], signal?: AbortSignal): Promise<MapLayers> {
  return (
    await apiGet<{ data: MapLayers }>(`/api/analytics/map/layers?nodeId=${nodeId}&layers=${layers.join(',')}`, {
      signal,
    })
  ).data;
}

export async function fetchGridCard(gridId: number, signal?: AbortSignal): Promise<GridCard> {
  return (await apiGet<{ data: GridCard }>(`/api/analytics/grids/${gridId}`, { signal })).data;
}
