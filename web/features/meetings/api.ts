import type { z } from 'zod';
import type {
  addAgendaItemBody,
  addInviteesBody,
  addResolutionBody,
  communityPublicResponse,
  createDecisionBody,
  createMeetingBody,
  meetingPageResponse,
  recordDecisionStepBody,
} from '../../../contracts/meetings.ts';
import type { branchMembersResponse } from '../../../contracts/party-views.ts';
import type { staffOptionsResponse } from '../../../contracts/services.ts';
import { apiGet, apiSend } from '../../shared/api';
import type {
  AgendaCase,
  AttendanceStats,
  Attendance,
  Decision,
  DecisionStep,
  Meeting,
  MeetingDetail,
  MeetingType,
  Resolution,
} from './types';

type Detail<T> = { data: T; abilities: string[] };

export const fetchMeetings = (page: number, signal?: AbortSignal) =>
  apiGet<z.input<typeof meetingPageResponse>>(`/api/meetings?page=${page}&pageSize=20`, { signal });
export const createMeeting = (body: z.input<typeof createMeetingBody>) =>
  apiSend<{ data: Meeting }>('POST', '/api/meetings', body).then((r) => r.data);
export const fetchMeeting = (id: number, signal?: AbortSignal) =>
  apiGet<Detail<MeetingDetail>>(`/api/meetings/${id}`, { signal });
export const addInvitees = (id: number, body: z.input<typeof addInviteesBody>) =>
  apiSend<{ data: { added: number } }>('POST', `/api/meetings/${id}/invitees`, body);
export const markAttendance = (
  id: number,
  marks: { inviteeId: number; attendance: Exclude<Attendance, 'pending'> }[],
) => apiSend('POST', `/api/meetings/${id}/attendance`, { marks });
export type AgendaInput = z.input<typeof addAgendaItemBody>;
export const addAgendaItem = (id: number, body: AgendaInput) => apiSend('POST', `/api/meetings/${id}/agenda`, body);
export const fetchAgendaCases = (signal?: AbortSignal) =>
  apiGet<{ data: AgendaCase[]; casesAvailable: boolean }>('/api/meetings/agenda-cases', { signal });
export const recordMinutes = (id: number, minutes: string) =>
  apiSend('PUT', `/api/meetings/${id}/minutes`, { minutes });
export const addResolution = (id: number, body: z.input<typeof addResolutionBody>) =>
  apiSend('POST', `/api/meetings/${id}/resolutions`, body);
export const fetchResolutions = (overdue: boolean, signal?: AbortSignal) =>
  apiGet<{ data: Resolution[] }>(`/api/resolutions?overdue=${overdue}`, { signal }).then((r) => r.data);
export const completeResolution = (id: number, note: string) =>
  apiSend('POST', `/api/resolutions/${id}/complete`, { note });
export const fetchAttendanceStats = (year: number, signal?: AbortSignal) =>
  apiGet<{ data: AttendanceStats }>(`/api/meetings/attendance-stats?year=${year}`, { signal }).then((r) => r.data);

export const fetchDecisions = (signal?: AbortSignal) =>
  apiGet<{ data: Decision[] }>('/api/decisions', { signal }).then((r) => r.data);
export const createDecision = (body: z.input<typeof createDecisionBody>) =>
  apiSend<{ data: Decision }>('POST', '/api/decisions', body).then((r) => r.data);
export const fetchDecision = (id: number, signal?: AbortSignal) =>
  apiGet<Detail<Decision & { steps: DecisionStep[] }>>(`/api/decisions/${id}`, { signal });
export type StepInput = z.input<typeof recordDecisionStepBody>;
export const recordDecisionStep = (id: number, body: StepInput) => apiSend('POST', `/api/decisions/${id}/steps`, body);
export const fetchCommunityPublic = (communityId: number, signal?: AbortSignal) =>
  apiGet<z.input<typeof communityPublicResponse>>(`/api/communities/${communityId}/public`, { signal }).then(
    (r) => r.data,
  );

/** People to invite: the grid branches' members (attending for their branch) and the community's staff. */
export const fetchPartyOrgs = (nodeId: number, signal?: AbortSignal) =>
  apiGet<{ data: { id: number; kind: string; name: string }[] }>(`/api/org/nodes/${nodeId}/party-orgs`, {
    signal,
  }).then((r) => r.data);
export const fetchBranchMembers = (branchId: number, signal?: AbortSignal) =>
  apiGet<z.input<typeof branchMembersResponse>>(`/api/party/branches/${branchId}/members?pageSize=200`, {
    signal,
  }).then((r) => r.data);
export const fetchStaff = (signal?: AbortSignal) =>
  apiGet<z.input<typeof staffOptionsResponse>>('/api/services/handlers', { signal }).then((r) => r.data);
export const fetchChildren = (nodeId: number, signal?: AbortSignal) =>
  apiGet<{ data: { id: number; name: string; level: string }[] }>(`/api/org/nodes/${nodeId}/children?pageSize=200`, {
    signal,
  }).then((r) => r.data);
/** Held meetings of one type: the candidates for a voting step of 四议两公开. */
export const fetchHeldMeetings = (type: MeetingType, communityId: number, signal?: AbortSignal) =>
  apiGet<{ data: Meeting[] }>(`/api/meetings?type=${type}&pageSize=200`, { signal }).then((r) =>
    r.data.filter((m) => m.status === 'held' && m.communityId === communityId),
  );
