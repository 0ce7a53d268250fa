import type { z } from 'zod';
import type {
  CoUnit,
  NodeOption,
  OrgMember,
  OrgPost,
  Pairing,
  PartyOrg,
  PartyOrgDetail,
  PartyOrgKind,
  createCoUnitBody,
  createPairingBody,
  createPartyOrgBody,
  updatePartyOrgBody,
} from '../../../contracts/party-orgs.ts';
import { apiGet, apiSend } from '../../shared/api';

// The party organisation tree (党组织): shapes come from the server's zod contracts (types only).
export type { CoUnit, NodeOption, OrgMember, OrgPost, Pairing, PartyOrg, PartyOrgDetail, PartyOrgKind };
type Page<T> = { data: T[]; page: { page: number; pageSize: number; total: number }; note: string | null };

export const fetchOrgLevel = (parentId: number | null, retired: boolean, signal?: AbortSignal) =>
  apiGet<{ data: PartyOrg[] }>(`/api/party/orgs?retired=${retired}${parentId ? `&parentId=${parentId}` : ''}`, {
    signal,
  }).then((r) => r.data);
export const fetchOrgDetail = (id: number, signal?: AbortSignal) =>
  apiGet<{ data: PartyOrgDetail }>(`/api/party/orgs/${id}`, { signal }).then((r) => r.data);
export const fetchOrgMembers = (id: number, page: number, signal?: AbortSignal) =>
  apiGet<Page<OrgMember>>(`/api/party/orgs/${id}/members?page=${page}&pageSize=20`, { signal });
export const fetchNodeOptions = (parentId: number, kind: PartyOrgKind, signal?: AbortSignal) =>
  apiGet<{ data: NodeOption[] }>(`/api/party/orgs/node-options?parentId=${parentId}&kind=${kind}`, { signal }).then(
    (r) => r.data,
  );
export const createOrg = (body: z.input<typeof createPartyOrgBody>) =>
  apiSend<{ data: PartyOrg }>('POST', '/api/party/orgs', body).then((r) => r.data);
export const updateOrg = (id: number, body: z.input<typeof updatePartyOrgBody>) =>
  apiSend<{ data: PartyOrg }>('PATCH', `/api/party/orgs/${id}`, body).then((r) => r.data);
export const retireOrg = (id: number) =>
  apiSend<{ data: PartyOrg }>('POST', `/api/party/orgs/${id}/retire`).then((r) => r.data);
export const fetchCoUnitDirectory = (signal?: AbortSignal) =>
  apiGet<{ data: CoUnit[] }>('/api/party/co-units/directory', { signal }).then((r) => r.data);
export const createCoUnit = (body: z.input<typeof createCoUnitBody>) =>
  apiSend<{ data: CoUnit }>('POST', '/api/party/co-units', body).then((r) => r.data);
export const pairCoUnit = (orgId: number, body: z.input<typeof createPairingBody>) =>
  apiSend<{ data: Pairing }>('POST', `/api/party/orgs/${orgId}/pairings`, body).then((r) => r.data);
export const endPairing = (id: number) => apiSend('DELETE', `/api/party/pairings/${id}`);
