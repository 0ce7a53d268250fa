import { apiGet, apiSend } from '../../shared/api';
import type { z } from 'zod';
import type {
  identifyResponse,
  KioskReceipt,
  kioskCatalogueResponse,
  kioskReportBody,
  kioskSlotsResponse,
  kioskStartResponse,
} from '../../../contracts/kiosk.ts';

export type { KioskReceipt };
export type KioskStart = z.infer<typeof kioskStartResponse>['data'];
export type KioskCatalogue = z.infer<typeof kioskCatalogueResponse>['data'];
export type KioskSlot = z.infer<typeof kioskSlotsResponse>['data'][number];
export type Identified = z.infer<typeof identifyResponse>['data'];

const t = (token: string | null) => (token ? `token=${encodeURIComponent(token)}` : '');

export const fetchStart = (signal?: AbortSignal) => apiGet<{ data: KioskStart }>('/api/kiosk/start', { signal });
export const identify = (idNumber: string, phone: string) =>
  apiSend<{ data: Identified }>('POST', '/api/kiosk/identify', { idNumber, phone });
export const fetchCatalogue = (token: string | null, signal?: AbortSignal) =>
  apiGet<{ data: KioskCatalogue }>(`/api/kiosk/catalogue?${t(token)}`, { signal });
export const fetchSlots = (stationId: number, token: string, signal?: AbortSignal) =>
  apiGet<{ data: KioskSlot[] }>(`/api/kiosk/stations/${stationId}/slots?${t(token)}`, { signal });
export const book = (token: string, serviceItemId: number, slotId: number) =>
  apiSend<{ data: KioskReceipt }>('POST', '/api/kiosk/bookings', { token, serviceItemId, slotId });
export const report = (body: z.input<typeof kioskReportBody>) =>
  apiSend<{ data: KioskReceipt }>('POST', '/api/kiosk/reports', body);
