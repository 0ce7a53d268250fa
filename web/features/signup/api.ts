import { apiGet, apiSend } from '../../shared/api';
import type { Me } from '../../app/session/types';
import type { z } from 'zod';
import type { communityDirectoryResponse } from '../../../contracts/org-responses.ts';
import type {
  identityClaim,
  MyVerification,
  publicChildrenResponse,
  signupDetailResponse,
  signupPageResponse,
  SignupState,
} from '../../../contracts/signup.ts';

export type PickNode = z.infer<typeof publicChildrenResponse>['data'][number];
export type ClaimInput = z.infer<typeof identityClaim>;
type Community = z.infer<typeof communityDirectoryResponse>['data'][number];

export async function findCommunities(q: string, signal?: AbortSignal) {
  const res = await apiGet<{ data: Community[] }>(`/api/public/communities?q=${encodeURIComponent(q)}`, {
    signal,
    allowAnonymous: true,
  });
  return res.data;
}

/** Every child of a picker node (estates, buildings, houses): paged by 200 until all are read. */
export async function pickChildren(id: number, signal?: AbortSignal): Promise<PickNode[]> {
  const all: PickNode[] = [];
  for (let page = 1; ; page++) {
    const res = await apiGet<z.infer<typeof publicChildrenResponse>>(
      `/api/public/nodes/${id}/children?page=${page}&pageSize=200`,
      {
        signal,
        allowAnonymous: true,
      },
    );
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
  return apiGet<z.infer<typeof signupPageResponse>>(`/api/accounts/signups?state=${state}&page=${page}&pageSize=20`, {
    signal,
  });
}

export type SignupDetail = z.infer<typeof signupDetailResponse>['data'];
export function fetchSignup(id: number, signal?: AbortSignal) {
  return apiGet<z.infer<typeof signupDetailResponse>>(`/api/accounts/signups/${id}`, { signal });
}

export function verifySignup(id: number, personId: number) {
  return apiSend<void>('POST', `/api/accounts/signups/${id}/verify`, { personId });
}

export function rejectSignup(id: number, note: string) {
  return apiSend<void>('POST', `/api/accounts/signups/${id}/reject`, { note });
}
