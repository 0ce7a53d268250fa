import { ApiError, apiGet, apiSend, readCookie } from '../../shared/api';
import type { z } from 'zod';
import type {
  ComponentBody,
  componentRowSchema,
  EntityBody,
  entityRowSchema,
  residentBody,
  residentEditBody,
} from '../../../contracts/people.ts';
import type { revealedResidentResponse, tenancyResponse } from '../../../contracts/people-responses.ts';
import type { HouseDetail, ImportInfo, NearbyComponent, Page, Resident, ResidentDetail } from './types';

export type EntityDetail = z.infer<typeof entityRowSchema>;
export type ComponentDetail = z.infer<typeof componentRowSchema>;
type ResidentBody = z.input<typeof residentBody>;
type ResidentEditBody = z.input<typeof residentEditBody>;

/** Query string from a filter object, skipping empty values (arrays become comma lists). */
export function queryString(filters: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length)) continue;
    params.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export const fetchPage = <T>(path: string, filters: Record<string, unknown>, signal?: AbortSignal) =>
  apiGet<Page<T>>(`${path}${queryString(filters)}`, { signal });

export const fetchResident = (id: number, signal?: AbortSignal) =>
  apiGet<{ data: ResidentDetail; abilities: string[] }>(`/api/people/residents/${id}`, { signal });

export const revealResident = (id: number, reason: string) =>
  apiSend<z.infer<typeof revealedResidentResponse>>('POST', `/api/people/residents/${id}/reveal`, { reason }).then(
    (r) => r.data,
  );

export const fetchCareTags = (signal?: AbortSignal) =>
  apiGet<{ data: string[] }>('/api/people/care-tags', { signal }).then((r) => r.data);

/** Multipart upload (the shared client sends JSON only); same CSRF header and error shape. */
export async function uploadImport(kind: string, file: File): Promise<ImportInfo> {
  const form = new FormData();
  form.append('file', file);
  const token = readCookie(document.cookie, 'gh_csrf');
  const res = await fetch(`/api/people/imports?kind=${kind}`, {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: token ? { 'x-csrf-token': token } : {},
  });
  const body = (await res.json().catch(() => null)) as {
    data?: ImportInfo;
    error?: { code: string; message: string };
  } | null;
  if (!res.ok || !body?.data)
    throw new ApiError(res.status, body?.error?.code ?? `HTTP_${res.status}`, body?.error?.message ?? '上传失败');
  return body.data;
}

export const startImport = (id: number, mapping: Record<string, string>) =>
  apiSend<{ data: ImportInfo }>('POST', `/api/people/imports/${id}/start`, { mapping }).then((r) => r.data);
export const fetchImport = (id: number, signal?: AbortSignal) =>
  apiGet<{ data: ImportInfo }>(`/api/people/imports/${id}`, { signal }).then((r) => r.data);
export const fetchImports = (signal?: AbortSignal) =>
  apiGet<{ data: ImportInfo[] }>('/api/people/imports', { signal }).then((r) => r.data);

export const fetchHouse = (id: number, signal?: AbortSignal) =>
  apiGet<{ data: HouseDetail; abilities: string[] }>(`/api/people/houses/${id}`, { signal });
export const saveHouse = (id: number, body: { use: string; areaM2: number | null; ownerName: string | null }) =>
  apiSend<void>('PUT', `/api/people/houses/${id}`, body);
export const registerTenancy = (houseId: number, body: { residentId: number; startOn: string; endOn?: string }) =>
  apiSend<z.input<typeof tenancyResponse>>('POST', `/api/people/houses/${houseId}/tenancies`, body);

/** Components within `radius` metres of a pin, nearest first (any user who may report a case). */
export const fetchNearbyComponents = (lng: number, lat: number, radius = 150, signal?: AbortSignal) =>
  apiGet<{ data: NearbyComponent[] }>(
    `/api/people/components/nearby${queryString({ lng: lng.toFixed(6), lat: lat.toFixed(6), radius })}`,
    { signal },
  ).then((r) => r.data);

export type { Resident };

// Registers by hand (forms): the same checks as the import, errors name the field.
export const fetchEntity = (id: number, signal?: AbortSignal) =>
  apiGet<{ data: EntityDetail; abilities: string[] }>(`/api/people/entities/${id}`, { signal });
export const saveEntity = (id: number | null, body: EntityBody) =>
  apiSend<{ data: { id: number } }>(
    id ? 'PUT' : 'POST',
    id ? `/api/people/entities/${id}` : '/api/people/entities',
    body,
  ).then((r) => r.data);
export const fetchComponent = (id: number, signal?: AbortSignal) =>
  apiGet<{ data: ComponentDetail; abilities: string[] }>(`/api/people/components/${id}`, { signal });
export const saveComponent = (id: number | null, body: ComponentBody) =>
  apiSend<{ data: { id: number } }>(
    id ? 'PUT' : 'POST',
    id ? `/api/people/components/${id}` : '/api/people/components',
    body,
  ).then((r) => r.data);
export const createResident = (body: ResidentBody) =>
  apiSend<{ data: { id: number } }>('POST', '/api/people/residents', body).then((r) => r.data);
export const editResident = (id: number, body: ResidentEditBody) =>
  apiSend<{ data: { id: number } }>('PUT', `/api/people/residents/${id}`, body).then((r) => r.data);
export const moveResident = (id: number, body: { houseId: number; movedOn: string }) =>
  apiSend<void>('POST', `/api/people/residents/${id}/move`, body);
export const moveOutResident = (id: number, movedOutOn: string) =>
  apiSend<{ data: { id: number } }>('POST', `/api/people/residents/${id}/move-out`, { movedOutOn });
