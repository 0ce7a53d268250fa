import { apiGet, apiSend } from '../../shared/api';

export interface Activity {
  id: number;
  title: string;
  place: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  confirmed: number;
  myStatus: string | null;
  checkinCode: string | null;
  abilities: string[];
}
export interface Summary {
  totalHours: number;
  activities: number;
  records: { title: string; startsAt: string; place: string; hours: number }[];
}

export const fetchActivities = (view: 'upcoming' | 'manage', signal?: AbortSignal) =>
  apiGet<{ data: Activity[] }>(`/api/volunteers/activities?view=${view}&pageSize=50`, { signal }).then((r) => r.data);
export const fetchSummary = (signal?: AbortSignal) =>
  apiGet<{ data: Summary }>('/api/volunteers/me', { signal }).then((r) => r.data);
export const signUp = (id: number) => apiSend('POST', `/api/volunteers/activities/${id}/signups`);
export const cancelSignUp = (id: number) => apiSend('DELETE', `/api/volunteers/activities/${id}/signups/me`);
export const checkByCode = (id: number, kind: 'in' | 'out', code: string) =>
  apiSend('POST', `/api/volunteers/activities/${id}/check-${kind}`, { code });

export interface Team {
  id: number;
  name: string;
  leaderUserId: number | null;
  leaderName: string | null;
  communityId: number;
  activities: number;
  volunteers: number;
  hours: number;
}
export interface LeaderCandidate {
  id: number;
  displayName: string;
  role: string;
}

export const fetchTeams = (signal?: AbortSignal) =>
  apiGet<{ data: Team[] }>('/api/volunteers/teams', { signal }).then((r) => r.data);
export const createTeam = (body: { communityId: number; name: string; leaderUserId?: number }) =>
  apiSend('POST', '/api/volunteers/teams', body);
export const updateTeam = (id: number, body: { name: string; leaderUserId: number | null }) =>
  apiSend('PATCH', `/api/volunteers/teams/${id}`, body);
export const fetchLeaderCandidates = (communityId: number, q: string, signal?: AbortSignal) =>
  apiGet<{ data: LeaderCandidate[] }>(
    `/api/volunteers/communities/${communityId}/leader-candidates?q=${encodeURIComponent(q)}`,
    { signal },
  ).then((r) => r.data);
export const createActivity = (body: ActivityBody) => apiSend('POST', '/api/volunteers/activities', body);

export interface ActivityBody {
  communityId: number;
  teamId?: number;
  title: string;
  place: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
}
