import type { z } from 'zod';
import type {
  checkInBody,
  findingBody,
  patrolCandidatesResponse,
  patrolDetailResponse,
  patrolFiguresResponse,
  patrolListResponse,
  patrolPlanBody,
  PatrolStatusAction,
} from '../../../contracts/patrols.ts';
import { apiGet, apiSend } from '../../shared/api';

export type {
  PatrolCandidates,
  PatrolFigures,
  PatrolFindingView,
  PatrolPlanDetail,
  PatrolPlanSummary,
  PatrolStatus,
  PatrolStatusAction,
} from '../../../contracts/patrols.ts';
/** What the form sends: times as ISO strings with offset (the server parses them). */
export type PatrolPlanInput = z.input<typeof patrolPlanBody>;

type List = z.input<typeof patrolListResponse>;
type Detail = z.input<typeof patrolDetailResponse>;

export const fetchPlans = (view: 'mine' | 'all', page: number, signal?: AbortSignal) =>
  apiGet<List>(`/api/patrols?view=${view}&page=${page}&pageSize=20`, { signal });
export const fetchPlan = async (id: number, signal?: AbortSignal) =>
  (await apiGet<Detail>(`/api/patrols/${id}`, { signal })).data;
export const fetchFigures = async (id: number, signal?: AbortSignal) =>
  (await apiGet<z.input<typeof patrolFiguresResponse>>(`/api/patrols/${id}/figures`, { signal })).data;
export const fetchCandidates = async (scopeNodeId: number, signal?: AbortSignal) =>
  (
    await apiGet<z.input<typeof patrolCandidatesResponse>>(`/api/patrols/candidates?scopeNodeId=${scopeNodeId}`, {
      signal,
    })
  ).data;
export const createPlan = (body: PatrolPlanInput) => apiSend<Detail>('POST', '/api/patrols', body);
export const updatePlan = (id: number, body: PatrolPlanInput) => apiSend<Detail>('PUT', `/api/patrols/${id}`, body);
export const changeStatus = (id: number, action: PatrolStatusAction) =>
  apiSend<Detail>('POST', `/api/patrols/${id}/status`, { action });
export const checkIn = (id: number, body: z.input<typeof checkInBody>) =>
  apiSend('POST', `/api/patrols/${id}/check-ins`, body);
export const recordFinding = (id: number, body: z.input<typeof findingBody>) =>
  apiSend<{ data: { caseId: number; caseNo: string } }>('POST', `/api/patrols/${id}/findings`, body);
