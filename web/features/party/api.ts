import type { z } from 'zod';
import type { honorListSchema, registrationBody } from '../../../contracts/party.ts';
import type {
  activityRecordResponse,
  branchAlertsResponse,
  branchMembersResponse,
  branchPostClaimsResponse,
  coUnitBriefSchema,
  coUnitMemberSchema,
  coUnitMembersResponse,
  communityPostSchema,
  memberOverviewSchema,
  registrationsResponse,
} from '../../../contracts/party-views.ts';
import { apiGet, apiSend } from '../../shared/api';

// Response shapes come from the shared zod contracts (type-only; `z.input` is what the web receives).

export type Overview = z.input<typeof memberOverviewSchema>;
export type Post = Overview['posts'][number];
export type RecordPage = z.input<typeof activityRecordResponse>;
export type HonorList = z.input<typeof honorListSchema>;
export type HonorEntry = HonorList['red'][number];

export const SOURCE_LABELS: Record<string, string> = {
  'case.accepted': '上报事件',
  'wish.fulfilled': '完成微心愿',
  'volunteer.hour': '志愿服务',
  'meeting.attended': '参加议事',
  'school.passed': '党校学习',
  manual: '支部登记',
};

export const fetchOverview = (signal?: AbortSignal) =>
  apiGet<{ data: Overview }>('/api/party/me', { signal }).then((r) => r.data);
export const fetchMyRecord = (signal?: AbortSignal) =>
  apiGet<RecordPage>('/api/party/me/record?pageSize=50', { signal });
export const claimPost = (postId: number) => apiSend('POST', '/api/party/me/posts', { postId });
export const publishCommitment = (year: number, content: string) =>
  apiSend('POST', '/api/party/me/commitments', { year, content });

export const fetchBranches = (nodeId: number, signal?: AbortSignal) =>
  apiGet<{ data: { id: number; kind: string; name: string }[] }>(`/api/org/nodes/${nodeId}/party-orgs`, {
    signal,
  }).then((r) => r.data.filter((o) => o.kind === 'grid_branch'));
export const fetchMembers = (branchId: number, signal?: AbortSignal) =>
  apiGet<z.input<typeof branchMembersResponse>>(`/api/party/branches/${branchId}/members?pageSize=200`, {
    signal,
  }).then((r) => r.data);
export const fetchClaims = (branchId: number, signal?: AbortSignal) =>
  apiGet<z.input<typeof branchPostClaimsResponse>>(`/api/party/branches/${branchId}/post-claims`, { signal }).then(
    (r) => r.data,
  );
export const decideClaim = (claimId: number, decision: 'approve' | 'reject') =>
  apiSend('POST', `/api/party/post-claims/${claimId}/decision`, { decision });
export const fetchAlerts = (branchId: number, signal?: AbortSignal) =>
  apiGet<z.input<typeof branchAlertsResponse>>(`/api/party/branches/${branchId}/alerts`, { signal }).then(
    (r) => r.data,
  );
export const remindAlert = (id: number) => apiSend('POST', `/api/party/alerts/${id}/remind`);
export const fetchHonorList = (branchId: number, month: string, signal?: AbortSignal) =>
  apiGet<{
    data: { computed: HonorList; published: { snapshot: HonorList; publishedAt: string } | null };
    abilities: string[];
  }>(`/api/party/branches/${branchId}/honor-list?month=${month}`, { signal });
export const publishHonorList = (branchId: number, month: string) =>
  apiSend('POST', `/api/party/branches/${branchId}/honor-list`, { month });
export const fetchRegistrations = (communityId: number, signal?: AbortSignal) =>
  apiGet<z.input<typeof registrationsResponse>>(`/api/party/communities/${communityId}/registrations`, { signal }).then(
    (r) => r.data,
  );
export const decideRegistration = (memberId: number, decision: 'confirm' | 'reject', version: number) =>
  apiSend('POST', `/api/party/members/${memberId}/registration/decision`, { decision, version });

export type CommunityPost = z.input<typeof communityPostSchema>;
export type ServiceItem = CommunityPost['items'][number];
/** What the post form edits and sends (postBody in contracts/party.ts validates it on the server). */
export type PostBody = Omit<CommunityPost, 'id'>;

export const fetchCommunityPosts = (communityId: number, signal?: AbortSignal) =>
  apiGet<{ data: CommunityPost[] }>(`/api/party/communities/${communityId}/posts`, { signal }).then((r) => r.data);
export const createPost = (communityId: number, body: PostBody) =>
  apiSend('POST', `/api/party/communities/${communityId}/posts`, body);
export const updatePost = (id: number, body: PostBody) => apiSend('PUT', `/api/party/posts/${id}`, body);
export const seedDefaultPosts = (communityId: number) =>
  apiSend<{ data: { created: number } }>('POST', `/api/party/communities/${communityId}/posts/defaults`);

export type CoUnit = z.input<typeof coUnitBriefSchema>;
export type SentMember = z.input<typeof coUnitMemberSchema>;
export const fetchMyCoUnit = (signal?: AbortSignal) =>
  apiGet<{ data: CoUnit }>('/api/party/co-units/mine', { signal }).then((r) => r.data);
export const fetchSentMembers = (unitId: number, year: number, page: number, signal?: AbortSignal) =>
  apiGet<z.input<typeof coUnitMembersResponse>>(
    `/api/party/co-units/${unitId}/members?year=${year}&page=${page}&pageSize=50`,
    { signal },
  );

/** 双报到 */
export interface CommunityHit {
  id: number;
  code: string;
  name: string;
  streetName: string;
}
export type RegistrationInput = z.input<typeof registrationBody>;
export const findCommunities = (q: string, signal?: AbortSignal) =>
  apiGet<{ data: CommunityHit[] }>(`/api/org/communities?q=${encodeURIComponent(q)}`, { signal }).then((r) => r.data);
export const fetchCoUnits = (signal?: AbortSignal) =>
  apiGet<{ data: CoUnit[] }>('/api/party/co-units', { signal }).then((r) => r.data);
export const requestRegistration = (body: RegistrationInput) => apiSend('POST', '/api/party/me/registration', body);
