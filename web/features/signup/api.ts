import { apiGet, apiSend } from '../../shared/api';
import type { Me } from '../../app/session/types';
import type { MyVerification, SignupCandidate, SignupState, SignupSummary } from '../../../contracts/signup.ts';

export interface PickNode {
  id: number;
  level: string;
  name: string;
  code: string;
}
export interface Page<T> {
  data: T[];
  page: { page: number; pageSize: number; total: number };
}
export interface ClaimInput {
  displayName: string;
  phone: string;
  houseNodeId: number;
}

export async function findCommunities(q: string, signal?: AbortSignal) {
  const res = await apiGet<{ data: { id: number; code: string; name: string; streetName: string }[] }>(
    `/api/public/communities?q=${encodeURIComponent(q)}`,
    { signal, allowAnonymous: true },
  );
  return res.data;
}

/** Every child of a picker node (estates, buildings, houses): paged by 200 until all are read. */
export async function pickChildren(id: number, signal?: AbortSignal): Promise<PickNode[]> {
  const all: PickNode[] = [];
  for (let page = 1; ; page++) {
    const res = await apiGet<Page<PickNode>>(`/api/public/nodes/${id}/children?page=${page}&pageSize=200`, {
      signal,
      allowAnonymous: true,
    });
    all.push(...res.data);
    if (all.length >= res.page.total || res.data.length === 0) return all;
  }
}

export async function signUp(body: ClaimInput & { username: string; password: string }): Promise<Me> {
  return (await apiSend<{ data: Me }>('POST', '/api/auth/signup', body, { allowAnonymous: true })).data;
}

export async function fetchMyVerification(signal?: AbortSignal) {
  return (await apiGet<{ data: MyVerification }>('/api/me/verification', { signal })).data;
}

export function resubmit(body: ClaimInput) {
  return apiSend<void>('PUT', '/api/me/verification', body);
}

export function fetchSignups(state: SignupState, page: number, signal?: AbortSignal) {
  return apiGet<Page<SignupSummary>>(`/api/accounts/signups?state=${state}&page=${page}&pageSize=20`, { signal });
}

export interface SignupDetail extends SignupSummary {
  personId: number | null;
  candidates: SignupCandidate[];
}
export function fetchSignup(id: number, signal?: AbortSignal) {
  return apiGet<{ data: SignupDetail; abilities: string[] }>(`/api/accounts/signups/${id}`, { signal });
}

export function verifySignup(id: number, personId: number) {
  return apiSend<void>('POST', `/api/accounts/signups/${id}/verify`, { personId });
}

export function rejectSignup(id: number, note: string) {
  return apiSend<void>('POST', `/api/accounts/signups/${id}/reject`, { note });
}
