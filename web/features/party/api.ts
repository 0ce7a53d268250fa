import { apiGet, apiSend } from '../../shared/api';

export interface Post {
  claimId?: number;
  postId: number;
  name: string;
  state?: string;
  period: string;
  targetPoints: number;
}
export interface Overview {
  member: {
    id: number;
    name: string;
    kind: string;
    duty: 'member' | 'secretary';
    branchName: string;
    communityName: string;
    version: number;
    registrationState: 'pending' | 'confirmed' | 'rejected' | null;
    registeredCommunityName: string | null;
    workUnit: string | null;
  };
  posts: Post[];
  totals: { kind: string; key: string; points: number }[];
  alerts: {
    id: number;
    periodKey: string;
    points: number;
    target: number;
    expected: number;
    remindedAt: string | null;
  }[];
  commitments: { id: number; year: number; content: string; state: string }[];
  availablePosts: {
    id: number;
    name: string;
    duties: string;
    period: string;
    targetPoints: number;
    items: { code: string; label: string; points: number }[];
  }[];
}
export interface RecordPage {
  data: { id: number; sourceKind: string; item: string; points: number; occurredAt: string; note: string | null }[];
  bySource: { sourceKind: string; points: number; records: number }[];
}
export interface HonorEntry {
  memberId: number;
  name: string;
  points: number;
  rank: number;
}
export interface HonorList {
  month: string;
  members: number;
  average: number;
  red: HonorEntry[];
  yellow: HonorEntry[];
}

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
  apiGet<{ data: { id: number; name: string; kind: string; duty: string }[] }>(
    `/api/party/branches/${branchId}/members?pageSize=200`,
    { signal },
  ).then((r) => r.data);
export const fetchClaims = (branchId: number, signal?: AbortSignal) =>
  apiGet<{ data: { claimId: number; memberName: string; postName: string }[] }>(
    `/api/party/branches/${branchId}/post-claims`,
    { signal },
  ).then((r) => r.data);
export const decideClaim = (claimId: number, decision: 'approve' | 'reject') =>
  apiSend('POST', `/api/party/post-claims/${claimId}/decision`, { decision });
export const fetchAlerts = (branchId: number, signal?: AbortSignal) =>
  apiGet<{
    data: { id: number; memberName: string; periodKey: string; points: number; target: number; expected: number }[];
  }>(`/api/party/branches/${branchId}/alerts`, { signal }).then((r) => r.data);
export const remindAlert = (id: number) => apiSend('POST', `/api/party/alerts/${id}/remind`);
export const fetchHonorList = (branchId: number, month: string, signal?: AbortSignal) =>
  apiGet<{
    data: { computed: HonorList; published: { snapshot: HonorList; publishedAt: string } | null };
    abilities: string[];
  }>(`/api/party/branches/${branchId}/honor-list?month=${month}`, { signal });
export const publishHonorList = (branchId: number, month: string) =>
  apiSend('POST', `/api/party/branches/${branchId}/honor-list`, { month });
export const fetchRegistrations = (communityId: number, signal?: AbortSignal) =>
  apiGet<{
    data: { id: number; name: string; kind: string; workUnit: string | null; branchName: string; version: number }[];
  }>(`/api/party/communities/${communityId}/registrations`, { signal }).then((r) => r.data);
export const decideRegistration = (memberId: number, decision: 'confirm' | 'reject', version: number) =>
  apiSend('POST', `/api/party/members/${memberId}/registration/decision`, { decision, version });

export interface ServiceItem {
  code: string;
  label: string;
  sourceKind: string;
  points: number;
}
export interface CommunityPost {
  id: number;
  name: string;
  duties: string;
  period: 'month' | 'quarter' | 'year';
  targetPoints: number;
  items: ServiceItem[];
}
export type PostBody = Omit<CommunityPost, 'id'>;

export const fetchCommunityPosts = (communityId: number, signal?: AbortSignal) =>
  apiGet<{ data: CommunityPost[] }>(`/api/party/communities/${communityId}/posts`, { signal }).then((r) => r.data);
export const createPost = (communityId: number, body: PostBody) =>
  apiSend('POST', `/api/party/communities/${communityId}/posts`, body);
export const updatePost = (id: number, body: PostBody) => apiSend('PUT', `/api/party/posts/${id}`, body);
export const seedDefaultPosts = (communityId: number) =>
  apiSend<{ data: { created: number } }>('POST', `/api/party/communities/${communityId}/posts/defaults`);

export interface CoUnit {
  id: number;
  name: string;
  type: string;
}
export interface SentMember {
  id: number;
  name: string;
  workUnit: string | null;
  registrationState: string | null;
  branchName: string;
  communityName: string;
  posts: string[];
  points: { year: number; total: number };
  records: number;
  hours: { year: number; total: number };
}
export const fetchMyCoUnit = (signal?: AbortSignal) =>
  apiGet<{ data: CoUnit }>('/api/party/co-units/mine', { signal }).then((r) => r.data);
export const fetchSentMembers = (unitId: number, year: number, page: number, signal?: AbortSignal) =>
  apiGet<{ data: SentMember[]; year: number; page: { page: number; pageSize: number; total: number } }>(
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
export interface RegistrationInput {
  communityId: number;
  kind: 'in_service' | 'retired' | 'floating';
  workUnit?: string;
  coUnitId?: number;
}
export const findCommunities = (q: string, signal?: AbortSignal) =>
  apiGet<{ data: CommunityHit[] }>(`/api/org/communities?q=${encodeURIComponent(q)}`, { signal }).then((r) => r.data);
export const fetchCoUnits = (signal?: AbortSignal) =>
  apiGet<{ data: CoUnit[] }>('/api/party/co-units', { signal }).then((r) => r.data);
export const requestRegistration = (body: RegistrationInput) => apiSend('POST', '/api/party/me/registration', body);
