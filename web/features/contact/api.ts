import { apiGet, apiSend } from '../../shared/api';
import type { z } from 'zod';
import type {
  coverageResponse,
  HouseholdView,
  recordVisitBody,
  RoundView,
  visitView,
  CoverageRow,
} from '../../../contracts/contact.ts';

export type { CoverageRow, HouseholdView, RoundView };
export type VisitView = z.infer<typeof visitView>;
export type VisitInput = z.input<typeof recordVisitBody>;
type Coverage = z.infer<typeof coverageResponse>['data'];

const q = (communityId?: number) => (communityId ? `?communityId=${communityId}` : '');

export const fetchRounds = (communityId: number | undefined, signal?: AbortSignal) =>
  apiGet<{ data: RoundView[]; abilities: string[] }>(`/api/contact/rounds${q(communityId)}`, { signal });
export const createRound = (body: {
  communityId: number;
  no: number;
  title: string;
  startsOn: string;
  endsOn: string;
}) => apiSend<{ data: RoundView }>('POST', '/api/contact/rounds', body);
export const fetchCoverage = (roundId: number, signal?: AbortSignal) =>
  apiGet<{ data: Coverage }>(`/api/contact/rounds/${roundId}/coverage`, { signal });
export const fetchCandidates = (communityId: number | undefined, signal?: AbortSignal) =>
  apiGet<{ data: { id: number; displayName: string; role: string }[] }>(`/api/contact/candidates${q(communityId)}`, {
    signal,
  });
export const assignHouseholds = (body: { contactUserId: number; buildingNodeId?: number; houseNodeIds?: number[] }) =>
  apiSend<{ data: { assigned: number } }>('POST', '/api/contact/assignments', body);
export const fetchMyHouseholds = (signal?: AbortSignal) =>
  apiGet<{ data: { round: RoundView | null; households: HouseholdView[] } }>('/api/contact/my-households', { signal });
export const fetchHouseVisits = (houseNodeId: number, signal?: AbortSignal) =>
  apiGet<{ data: VisitView[] }>(`/api/contact/households/${houseNodeId}/visits`, { signal });
export const recordVisit = (body: VisitInput) => apiSend<{ data: VisitView }>('POST', '/api/contact/visits', body);
