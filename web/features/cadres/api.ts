import type { z } from 'zod';
import type {
  CadreBody,
  CadreRow,
  ForceRow,
  PostKind,
  PostRow,
  ReserveState,
  cadreDetailResponse,
  reserveRowSchema,
} from '../../../contracts/cadres.ts';
import { apiGet, apiSend } from '../../shared/api';

export type CadreDetail = z.infer<typeof cadreDetailResponse>['data'];
export type ReserveRow = z.infer<typeof reserveRowSchema>;

export const fetchNodePosts = (nodeId: number, history: boolean, signal?: AbortSignal) =>
  apiGet<{ data: PostRow[]; node: { id: number; name: string; level: string }; canManage: boolean }>(
    `/api/cadres/posts?nodeId=${nodeId}&history=${history}`,
    { signal },
  );
export const appoint = (body: { nodeId: number; cadreId: number; kind: PostKind; title: string; startedOn: string }) =>
  apiSend('POST', '/api/cadres/posts', body);
export const endPost = (id: number, endedOn: string) => apiSend('POST', `/api/cadres/posts/${id}/end`, { endedOn });
export const fetchCadres = (q: string, page: number, signal?: AbortSignal) =>
  apiGet<{ data: CadreRow[]; page: { total: number } }>(
    `/api/cadres?page=${page}&pageSize=20${q ? `&q=${encodeURIComponent(q)}` : ''}`,
    { signal },
  );
export const fetchCadre = (id: number, signal?: AbortSignal) =>
  apiGet<{ data: CadreDetail }>(`/api/cadres/${id}`, { signal }).then((r) => r.data);
export const saveCadre = (id: number | null, body: CadreBody) =>
  apiSend<{ data: { id: number } }>(id ? 'PUT' : 'POST', id ? `/api/cadres/${id}` : '/api/cadres', body).then(
    (r) => r.data,
  );
export const fetchReserve = (signal?: AbortSignal) =>
  apiGet<{ data: ReserveRow[] }>('/api/cadres/reserve', { signal }).then((r) => r.data);
export const addReserve = (body: { cadreId: number; targetKind: PostKind; state: ReserveState; note: string }) =>
  apiSend('POST', '/api/cadres/reserve', body);
export const updateReserve = (id: number, body: { state: ReserveState; note: string }) =>
  apiSend('PUT', `/api/cadres/reserve/${id}`, body);
export const fetchForces = (gridId: number, signal?: AbortSignal) =>
  apiGet<{ data: ForceRow[]; canEdit: boolean }>(`/api/cadres/forces?gridId=${gridId}`, { signal });
export const addForce = (body: { gridId: number; role: ForceRow['role']; name: string; unit: string; phone: string }) =>
  apiSend('POST', '/api/cadres/forces', body);
export const removeForce = (id: number) => apiSend('DELETE', `/api/cadres/forces/${id}`);
