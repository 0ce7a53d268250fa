import { apiGet, apiSend } from '../../shared/api';

export interface Activity { id: number; title: string; place: string; startsAt: string; endsAt: string; capacity: number; confirmed: number; myStatus: string | null; checkinCode: string | null; abilities: string[] }
export interface Summary { totalHours: number; activities: number; records: { title: string; startsAt: string; place: string; hours: number }[] }

export const fetchActivities = (view: 'upcoming' | 'manage', signal?: AbortSignal) => apiGet<{ data: Activity[] }>(`/api/volunteers/activities?view=${view}&pageSize=50`, { signal }).then((r) => r.data);
export const fetchSummary = (signal?: AbortSignal) => apiGet<{ data: Summary }>('/api/volunteers/me', { signal }).then((r) => r.data);
export const signUp = (id: number) => apiSend('POST', `/api/volunteers/activities/${id}/signups`);
export const cancelSignUp = (id: number) => apiSend('DELETE', `/api/volunteers/activities/${id}/signups/me`);
export const checkByCode = (id: number, kind: 'in' | 'out', code: string) => apiSend('POST', `/api/volunteers/activities/${id}/check-${kind}`, { code });
