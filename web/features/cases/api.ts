import type { z } from 'zod';
import type { RevealedContact } from '../../../contracts/case-contact.ts';
import type { notificationsResponse, reportedCaseResponse } from '../../../contracts/cases-responses.ts';
import type { orgNodeSchema } from '../../../contracts/org.ts';
import type { locateResponse } from '../../../contracts/org-responses.ts';
import type { GridCollection } from '../grid-map/types';
import { apiGet, apiSend, ApiError } from '../../shared/api';
import type {
  CaseAction,
  CaseDetail,
  CasePage,
  CaseState,
  Category,
  Deadline,
  Department,
  DuplicateCandidate,
  GroupBy,
  IndicatorRow,
  Notification,
  ReportInput,
  Suggestion,
  SuggestionAcceptance,
  TransitionInput,
} from './types';

export async function fetchCategories(signal?: AbortSignal): Promise<Category[]> {
  return (await apiGet<{ data: Category[] }>('/api/cases/categories', { signal })).data;
}

export interface InboxFilter {
  states?: CaseState[];
  deadline?: Exclude<Deadline, null>;
  mine?: boolean;
  q?: string;
  page?: number;
  pageSize?: number;
}

export function fetchCases(filter: InboxFilter, signal?: AbortSignal): Promise<CasePage> {
  const params = new URLSearchParams();
  for (const s of filter.states ?? []) params.append('state', s);
  if (filter.deadline) params.set('deadline', filter.deadline);
  if (filter.mine) params.set('mine', 'true');
  if (filter.q) params.set('q', filter.q);
  params.set('page', String(filter.page ?? 1));
  params.set('pageSize', String(filter.pageSize ?? 20));
  return apiGet<CasePage>(`/api/cases?${params}`, { signal });
}

export async function fetchCase(id: number, signal?: AbortSignal): Promise<CaseDetail> {
  return (await apiGet<{ data: CaseDetail }>(`/api/cases/${id}`, { signal })).data;
}

export async function reportCase(input: ReportInput): Promise<{ id: number; caseNo: string }> {
  return (await apiSend<z.input<typeof reportedCaseResponse>>('POST', '/api/cases', input)).data;
}

export function transitionCase(id: number, action: CaseAction, input: TransitionInput): Promise<unknown> {
  return apiSend('POST', `/api/cases/${id}/${action}`, input);
}

export const photoUrl = (id: number, thumb = false) => `/api/cases/photos/${id}${thumb ? '?thumb=1' : ''}`;
export const PHOTO_UPLOAD_URL = '/api/cases/photos';

/** Departments serving the case's community, its street and the district (the org module's list). */
export async function fetchDepartments(nodeId: number, signal?: AbortSignal): Promise<Department[]> {
  return (await apiGet<{ data: Department[] }>(`/api/org/nodes/${nodeId}/departments`, { signal })).data;
}

export async function fetchGridsOf(communityId: number, signal?: AbortSignal): Promise<{ id: number; name: string }[]> {
  const res = await apiGet<{ data: z.infer<typeof orgNodeSchema>[] }>(
    `/api/org/nodes/${communityId}/children?pageSize=200`,
    { signal },
  );
  return res.data.filter((n) => n.level === 'grid');
}

/** The grids of the community the user lives in (for residents, who cannot browse the tree). */
export function fetchMyAreaGrids(signal?: AbortSignal): Promise<GridCollection> {
  return apiGet<GridCollection>('/api/org/my-area/grids', { signal });
}

/** The grid a point falls in; null when it lies outside every grid. */
export async function locate(
  lng: number,
  lat: number,
  signal?: AbortSignal,
): Promise<{ id: number; code: string; name: string } | null> {
  try {
    return (
      (
        await apiGet<z.infer<typeof locateResponse>>(`/api/org/locate?lng=${lng}&lat=${lat}`, {
          signal,
        })
      ).data ?? null
    );
  } catch (err) {
    if (err instanceof ApiError && err.status === 422) return null;
    throw err;
  }
}

/**
 * For endpoints that are still being built: a 404 (or 405/501) means "not there yet", and the
 * page shows nothing instead of an error.
 */
async function whenAvailable<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (err) {
    if (err instanceof ApiError && [404, 405, 501].includes(err.status)) return null;
    throw err;
  }
}

export function fetchSuggestionAcceptance(signal?: AbortSignal): Promise<SuggestionAcceptance | null> {
  return whenAvailable(
    async () => (await apiGet<{ data: SuggestionAcceptance }>('/api/cases/suggestion-acceptance', { signal })).data,
  );
}

export function fetchSuggestion(id: number, signal?: AbortSignal): Promise<Suggestion | null> {
  return whenAvailable(
    async () => (await apiGet<{ data: Suggestion }>(`/api/cases/${id}/suggestion`, { signal })).data,
  );
}

export interface DuplicateQuery {
  lng?: number;
  lat?: number;
  categoryId?: number;
  text: string;
}

export function fetchDuplicates(q: DuplicateQuery, signal?: AbortSignal): Promise<DuplicateCandidate[] | null> {
  const params = new URLSearchParams({ text: q.text });
  if (q.lng !== undefined && q.lat !== undefined) {
    params.set('lng', String(q.lng));
    params.set('lat', String(q.lat));
  }
  if (q.categoryId) params.set('categoryId', String(q.categoryId));
  return whenAvailable(
    async () => (await apiGet<{ data: DuplicateCandidate[] }>(`/api/cases/duplicates?${params}`, { signal })).data,
  );
}

export interface IndicatorQuery {
  nodeId?: number;
  from: string;
  to: string;
  groupBy: GroupBy;
}

export function indicatorParams(q: IndicatorQuery): URLSearchParams {
  const params = new URLSearchParams({ from: q.from, to: q.to, groupBy: q.groupBy });
  if (q.nodeId) params.set('nodeId', String(q.nodeId));
  return params;
}

export function fetchIndicators(
  q: IndicatorQuery,
  signal?: AbortSignal,
): Promise<{ rows: IndicatorRow[]; totals: IndicatorRow } | null> {
  return whenAvailable(
    async () =>
      (
        await apiGet<{ data: { rows: IndicatorRow[]; totals: IndicatorRow } }>(
          `/api/cases/indicators?${indicatorParams(q)}`,
          { signal },
        )
      ).data,
  );
}

export async function fetchNotifications(signal?: AbortSignal): Promise<{ data: Notification[]; unread: number }> {
  return apiGet<z.input<typeof notificationsResponse>>('/api/notifications?pageSize=20', { signal });
}

export function markNotificationsRead(ids?: number[]): Promise<void> {
  return apiSend<void>('POST', '/api/notifications/read', ids ? { ids } : {});
}

/** Shows the reporter's whole phone; the server logs who, when, which case and why before answering. */
export async function revealReporterContact(caseId: number, reason: string): Promise<RevealedContact> {
  return (await apiSend<{ data: RevealedContact }>('POST', `/api/cases/${caseId}/reveal-contact`, { reason })).data;
}
