import type { BigscreenBase, BigscreenCases } from '../../../contracts/analytics.ts';
import { apiGet } from '../../shared/api';

const q = (nodeId: number | null) => (nodeId ? `?nodeId=${nodeId}` : '');

export async function fetchBase(nodeId: number | null, signal?: AbortSignal): Promise<BigscreenBase> {
  return (await apiGet<{ data: BigscreenBase }>(`/api/analytics/bigscreen/base${q(nodeId)}`, { signal })).data;
}

export async function fetchCases(nodeId: number | null, signal?: AbortSignal): Promise<BigscreenCases> {
  return (await apiGet<{ data: BigscreenCases }>(`/api/analytics/bigscreen/cases${q(nodeId)}`, { signal })).data;
}
