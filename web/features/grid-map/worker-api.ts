import type { GridWorkerCandidate, GridWorkerTerm } from '../../../contracts/org-responses.ts';
import { apiGet, apiSend } from '../../shared/api';

export type { GridWorkerTerm as WorkerTerm, GridWorkerCandidate as WorkerCandidate };

export async function fetchWorkerHistory(gridId: number, signal?: AbortSignal): Promise<GridWorkerTerm[]> {
  return (await apiGet<{ data: GridWorkerTerm[] }>(`/api/org/grids/${gridId}/workers`, { signal })).data;
}

export async function fetchWorkerCandidates(
  gridId: number,
  q: string,
  signal?: AbortSignal,
): Promise<GridWorkerCandidate[]> {
  return (
    await apiGet<{ data: GridWorkerCandidate[] }>(
      `/api/org/grids/${gridId}/worker-candidates${q ? `?q=${encodeURIComponent(q)}` : ''}`,
      { signal },
    )
  ).data;
}

export function assignWorker(gridId: number, userId: number, note?: string) {
  return apiSend<void>('POST', `/api/org/grids/${gridId}/worker`, { userId, note: note || undefined });
}
