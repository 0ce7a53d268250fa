import { apiGet, apiSend } from '../../shared/api';
import type { z } from 'zod';
import type {
  createZoneBody,
  householdStatusResponse,
  myZoneResponse,
  wallResponse,
  zoneCandidatesResponse,
  ZoneView,
} from '../../../contracts/outreach.ts';

export type { ZoneView };
type Wall = z.infer<typeof wallResponse>;
type Status = z.infer<typeof householdStatusResponse>;
export type MyZone = z.infer<typeof myZoneResponse>['data'];
type Candidates = z.infer<typeof zoneCandidatesResponse>;

const q = (communityId?: number) => (communityId ? `?communityId=${communityId}` : '');

export const fetchWall = (communityId: number | undefined, signal?: AbortSignal) =>
  apiGet<Wall>(`/api/outreach/wall${q(communityId)}`, { signal });
export const fetchHouseholdStatus = (signal?: AbortSignal) => apiGet<Status>('/api/outreach/household', { signal });
export const setHouseholdOptIn = (optIn: boolean) => apiSend<Status>('PUT', '/api/outreach/household', { optIn });
export const fetchMyZone = (signal?: AbortSignal) => apiGet<{ data: MyZone }>('/api/outreach/my-zone', { signal });
export const fetchZones = (communityId: number | undefined, signal?: AbortSignal) =>
  apiGet<{ data: ZoneView[] }>(`/api/outreach/zones${q(communityId)}`, { signal });
export const fetchZoneCandidates = (communityId: number | undefined, signal?: AbortSignal) =>
  apiGet<Candidates>(`/api/outreach/zone-candidates${q(communityId)}`, { signal });
export const createZone = (body: z.input<typeof createZoneBody>) =>
  apiSend<{ data: ZoneView }>('POST', '/api/outreach/zones', body);
