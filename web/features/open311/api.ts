import { apiGet, apiSend } from '../../shared/api';
import type { Open311Key } from '../../../contracts/open311.ts';

export type { Open311Key };

export const fetchKeys = (signal?: AbortSignal) =>
  apiGet<{ data: Open311Key[] }>('/api/open311/keys?pageSize=200', { signal }).then((r) => r.data);
export const createKey = (body: { clientName: string; communityId: number; ratePerMinute: number }) =>
  apiSend<{ data: Open311Key; key: string }>('POST', '/api/open311/keys', body);
export const revokeKey = (id: number) => apiSend('POST', `/api/open311/keys/${id}/revoke`);
