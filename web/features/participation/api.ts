import { apiGet, apiSend } from '../../shared/api';
import type {
  CommentView,
  ConsultationView,
  Question,
  SurveyResults,
  SurveyView,
  VoteResults,
  VoteRoundView,
} from '../../../contracts/participation.ts';
import type { PortalData } from '../../../contracts/participation-portal.ts';

export type {
  CommentView,
  ConsultationView,
  PortalData,
  Question,
  SurveyResults,
  SurveyView,
  VoteResults,
  VoteRoundView,
};
type One<T, A extends string> = { data: T; abilities: A[] };
export type Answer = number | number[] | string | null;

const base = '/api/participation';
const q = (communityId?: number) => (communityId ? `?communityId=${communityId}` : '');

export const fetchConsultations = (communityId: number | undefined, signal?: AbortSignal) =>
  apiGet<{ data: ConsultationView[] }>(`${base}/consultations${q(communityId)}`, { signal });
export const fetchConsultation = (id: number, signal?: AbortSignal) =>
  apiGet<One<ConsultationView, 'manage' | 'comment'>>(`${base}/consultations/${id}`, { signal });
export const fetchComments = (id: number, signal?: AbortSignal) =>
  apiGet<{ data: CommentView[] }>(`${base}/consultations/${id}/comments`, { signal });
export const createConsultation = (body: object) =>
  apiSend<One<ConsultationView, 'manage'>>('POST', `${base}/consultations`, body);
export const postComment = (id: number, body: string) =>
  apiSend<{ data: CommentView }>('POST', `${base}/consultations/${id}/comments`, { body });
export const hideComment = (id: number, commentId: number, reason: string) =>
  apiSend<{ data: CommentView }>('POST', `${base}/consultations/${id}/comments/${commentId}/hide`, { reason });
export const respond = (id: number, summary: string) =>
  apiSend<One<ConsultationView, 'manage'>>('POST', `${base}/consultations/${id}/response`, { summary });
export const attachmentUrl = (attachmentId: number) => `${base}/attachments/${attachmentId}`;

export const fetchSurveys = (communityId: number | undefined, signal?: AbortSignal) =>
  apiGet<{ data: SurveyView[] }>(`${base}/surveys${q(communityId)}`, { signal });
export const fetchSurvey = (id: number, signal?: AbortSignal) =>
  apiGet<One<SurveyView, 'manage' | 'answer'>>(`${base}/surveys/${id}`, { signal });
export const createSurvey = (body: object) => apiSend<One<SurveyView, 'manage'>>('POST', `${base}/surveys`, body);
export const answerSurvey = (id: number, answers: Answer[]) =>
  apiSend<{ data: { answered: true } }>('POST', `${base}/surveys/${id}/responses`, { answers });
export const fetchSurveyResults = (id: number, signal?: AbortSignal) =>
  apiGet<{ data: SurveyResults }>(`${base}/surveys/${id}/results`, { signal });

export const fetchVoteRounds = (communityId: number | undefined, signal?: AbortSignal) =>
  apiGet<{ data: VoteRoundView[] }>(`${base}/votes${q(communityId)}`, { signal });
export const fetchVoteRound = (id: number, signal?: AbortSignal) =>
  apiGet<One<VoteRoundView, 'manage' | 'vote'>>(`${base}/votes/${id}`, { signal });
export const createVoteRound = (body: object) => apiSend<One<VoteRoundView, 'manage'>>('POST', `${base}/votes`, body);
export const castBallot = (id: number, projectIds: number[]) =>
  apiSend<{ data: { projectIds: number[] } }>('POST', `${base}/votes/${id}/ballots`, { projectIds });
export const closeRound = (id: number) => apiSend<One<VoteRoundView, 'manage'>>('POST', `${base}/votes/${id}/close`);
export const fetchVoteResults = (id: number, signal?: AbortSignal) =>
  apiGet<{ data: VoteResults }>(`${base}/votes/${id}/results`, { signal });

export const saveIntro = (communityId: number, intro: string) =>
  apiSend<{ data: { intro: string } }>('PUT', `${base}/portal/${communityId}/intro`, { intro });
export const fetchPortal = (code: string, signal?: AbortSignal) =>
  apiGet<{ data: PortalData }>(`/api/public/portal/${code}`, { signal, allowAnonymous: true });
export const portalAttachmentUrl = (code: string, attachmentId: number) =>
  `/api/public/portal/${code}/attachments/${attachmentId}`;

/** The community of a scope code: community codes are 12 digits and every node below extends its parent's code. */
export const communityCodeOf = (scopeCode: string | undefined) =>
  scopeCode && scopeCode.length >= 12 ? scopeCode.slice(0, 12) : null;
