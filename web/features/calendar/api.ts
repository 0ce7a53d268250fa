import { apiGet, apiSend } from '../../shared/api';

import type { DayKind, OfficialDay, OverrideDay } from '../../../contracts/calendar.ts';

export type { DayKind, OfficialDay, OverrideDay };

export const fetchOfficial = (year: number, signal?: AbortSignal) =>
  apiGet<{ data: OfficialDay[]; lastOfficialYear: number }>(`/api/calendar/official?year=${year}`, { signal });
export const fetchOverrides = async (year: number, signal?: AbortSignal) =>
  (await apiGet<{ data: OverrideDay[] }>(`/api/calendar/overrides?year=${year}`, { signal })).data;
export const putOverride = (date: string, kind: DayKind, note?: string) =>
  apiSend('PUT', `/api/calendar/overrides/${date}`, { kind, ...(note ? { note } : {}) });
export const removeOverride = (date: string) => apiSend('DELETE', `/api/calendar/overrides/${date}`);

/** What a date is: the override if any, else the official schedule, else Monday–Friday. */
export function stateOf(date: string, official: OfficialDay[], overrides: OverrideDay[]) {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const off = official.find((d) => d.date === date);
  const base = off
    ? { kind: off.kind, why: `${off.name}${off.kind === 'holiday' ? '放假' : '调休上班'}` }
    : {
        kind: (weekday === 0 || weekday === 6 ? 'holiday' : 'workday') as DayKind,
        why: weekday === 0 || weekday === 6 ? '周末' : '工作日',
      };
  const own = overrides.find((d) => d.date === date);
  return { official: base, override: own ?? null, effective: own?.kind ?? base.kind };
}
