import type { z } from 'zod';
import type {
  adjustResultBody,
  departmentVoteBody,
  ratePropertyBody,
  starConfigSchema,
} from '../../../contracts/ratings.ts';
import { apiGet, apiSend } from '../../shared/api';
import type { Indicator, PropertyList, RatingKind, Run, RunDetail } from './types';

export const fetchRuns = (streetId: number, kind: RatingKind, signal?: AbortSignal) =>
  apiGet<{ data: Run[] }>(`/api/ratings/runs?streetId=${streetId}&kind=${kind}`, { signal }).then((r) => r.data);
export const fetchRun = (id: number, signal?: AbortSignal) =>
  apiGet<{ data: RunDetail; abilities: string[] }>(`/api/ratings/runs/${id}`, { signal });
const RUN_PATHS: Record<RatingKind, string> = {
  branch_star: 'star-runs',
  property_month: 'property-runs',
  department_year: 'department-runs',
};
export const computeRun = (kind: RatingKind, body: { streetId: number; year?: number; month?: string }) =>
  apiSend<{ data: Run }>('POST', `/api/ratings/${RUN_PATHS[kind]}`, body).then((r) => r.data);
export const adjustResult = (id: number, body: z.input<typeof adjustResultBody>) =>
  apiSend('POST', `/api/ratings/results/${id}/adjust`, body);
export type StarConfig = z.input<typeof starConfigSchema>;
export const fetchStarConfig = (streetId: number, signal?: AbortSignal) =>
  apiGet<{ data: StarConfig; abilities: string[] }>(`/api/ratings/star-config?streetId=${streetId}`, { signal });
export const saveStarConfig = (streetId: number, indicators: Indicator[]) =>
  apiSend<{ data: unknown }>('PUT', `/api/ratings/star-config?streetId=${streetId}`, { indicators });
export const fetchPropertyList = (streetId: number, signal?: AbortSignal) =>
  apiGet<{ data: PropertyList }>(`/api/ratings/property-list?streetId=${streetId}`, { signal }).then((r) => r.data);
export const rateProperty = (body: z.input<typeof ratePropertyBody>) =>
  apiSend('POST', '/api/ratings/property-ratings', body);
export const voteDepartment = (body: z.input<typeof departmentVoteBody>) =>
  apiSend('POST', '/api/ratings/department-votes', body);
export const fetchDepartments = (nodeId: number, signal?: AbortSignal) =>
  apiGet<{ data: { id: number; name: string }[] }>(`/api/org/nodes/${nodeId}/departments`, { signal }).then(
    (r) => r.data,
  );
export const fetchStreets = (districtId: number, signal?: AbortSignal) =>
  apiGet<{ data: { id: number; name: string; level: string }[] }>(
    `/api/org/nodes/${districtId}/children?pageSize=200`,
    { signal },
  ).then((r) => r.data.filter((n) => n.level === 'street'));
