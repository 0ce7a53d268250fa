import type { z } from 'zod';
import type {
  activitySchema,
  createActivityBody,
  createTeamBody,
  leaderCandidateSchema,
  teamTotalsSchema,
  updateTeamBody,
  volunteerSummarySchema,
} from '../../../contracts/volunteers.ts';
import { apiGet, apiSend } from '../../shared/api';

// Shapes from the server's zod contracts (types only: no zod in the bundle); `z.input` is what the web receives.
export type Activity = z.input<typeof activitySchema>;
export type Summary = z.input<typeof volunteerSummarySchema>;
export type Team = z.input<typeof teamTotalsSchema>;
export type LeaderCandidate = z.input<typeof leaderCandidateSchema>;
export type ActivityBody = z.input<typeof createActivityBody>;

export const fetchActivities = (view: 'upcoming' | 'manage', signal?: AbortSignal) =>
  apiGet<{ data: Activity[] }>(`/api/volunteers/activities?view=${view}&pageSize=50`, { signal }).then((r) => r.data);
export const fetchSummary = (signal?: AbortSignal) =>
  apiGet<{ data: Summary }>('/api/volunteers/me', { signal }).then((r) => r.data);
export const signUp = (id: number) => apiSend('POST', `/api/volunteers/activities/${id}/signups`);
export const cancelSignUp = (id: number) => apiSend('DELETE', `/api/volunteers/activities/${id}/signups/me`);
export const checkByCode = (id: number, kind: 'in' | 'out', code: string) =>
  apiSend('POST', `/api/volunteers/activities/${id}/check-${kind}`, { code });

export const fetchTeams = (signal?: AbortSignal) =>
  apiGet<{ data: Team[] }>('/api/volunteers/teams', { signal }).then((r) => r.data);
export const createTeam = (body: z.input<typeof createTeamBody>) => apiSend('POST', '/api/volunteers/teams', body);
export const updateTeam = (id: number, body: z.input<typeof updateTeamBody>) =>
  apiSend('PATCH', `/api/volunteers/teams/${id}`, body);
export const fetchLeaderCandidates = (communityId: number, q: string, signal?: AbortSignal) =>
  apiGet<{ data: LeaderCandidate[] }>(
    `/api/volunteers/communities/${communityId}/leader-candidates?q=${encodeURIComponent(q)}`,
    { signal },
  ).then((r) => r.data);
export const createActivity = (body: ActivityBody) => apiSend('POST', '/api/volunteers/activities', body);
