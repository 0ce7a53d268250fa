import type { Division, SetupBody, StreetDivision } from '../../../contracts/setup.ts';
import { apiGet, apiSend } from '../../shared/api';

export type { Division, SetupBody, StreetDivision };

export function fetchSetupStatus(): Promise<{ needed: boolean }> {
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

export interface SetupResult {
  district: { id: number; code: string; name: string };
  streets: { id: number; code: string; name: string }[];
  admin: { id: number; username: string };
}

export async function completeSetup(body: SetupBody): Promise<SetupResult> {
  return (await apiSend<{ data: SetupResult }>('POST', '/api/setup', body, { allowAnonymous: true })).data;
}
