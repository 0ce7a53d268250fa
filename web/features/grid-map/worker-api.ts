import { apiGet, apiSend } from '../../shared/api';

export interface WorkerTerm {
  id: number;
  userId: number;
  displayName: string;
  phoneMasked: string | null;
  startedAt: string;
  endedAt: string | null;
  note: string | null;
  assignedBy: string | null;
}
export interface WorkerCandidate {
  id: number;
  displayName: string;
  username: string;
  phoneMasked: string | null;
  gridName: string | null;
}

export async function fetchWorkerHistory(gridId: number, signal?: AbortSignal): Promise<WorkerTerm[]> {
  return (await apiGet<{ data: WorkerTerm[] }>(`/api/org/grids/${gridId}/workers`, { signal })).data;
}

export async function fetchWorkerCandidates(
  gridId: number,
  q: string,
  signal?: AbortSignal,
): Promise<WorkerCandidate[]> {
  return (
    await apiGet<{ data: WorkerCandidate[] }>(
      `/api/org/grids/${gridId}/worker-candidates${q ? `?q=${encodeURIComponent(q)}` : ''}`,
      { signal },
    )
  ).data;
}

export function assignWorker(gridId: number, userId: number, note?: string) {
  return apiSend<void>('POST', `/api/org/grids/${gridId}/worker`, { userId, note: note || undefined });
}
