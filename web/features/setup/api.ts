import type { z } from 'zod';
import type {
  Division,
  SetupBody,
  setupResultSchema,
  setupStatusSchema,
  StreetDivision,
} from '../../../contracts/setup.ts';
import { apiGet, apiSend } from '../../shared/api';

export type { Division, SetupBody, StreetDivision };

export function fetchSetupStatus(): Promise<z.infer<typeof setupStatusSchema>> {
  return apiGet('/api/setup/status', { allowAnonymous: true });
}

export async function searchDivisions(q: string): Promise<Division[]> {
  return (
    await apiGet<{ data: Division[] }>(`/api/setup/divisions?q=${encodeURIComponent(q)}`, { allowAnonymous: true })
  ).data;
}

export async function fetchStreets(districtCode: string): Promise<StreetDivision[]> {
  return (
    await apiGet<{ data: StreetDivision[] }>(`/api/setup/divisions/${districtCode}/streets`, { allowAnonymous: true })
  ).data;
}

export type SetupResult = z.infer<typeof setupResultSchema>;

export async function completeSetup(body: SetupBody): Promise<SetupResult> {
  return (await apiSend<{ data: SetupResult }>('POST', '/api/setup', body, { allowAnonymous: true })).data;
}
