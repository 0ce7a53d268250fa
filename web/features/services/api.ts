import { apiGet, apiSend } from '../../shared/api';
import type { Booking, BookingEvent, BookingStatus, Catalogue, Slot } from './types';

export const fetchCatalogue = (signal?: AbortSignal) => apiGet<{ data: Catalogue; abilities: string[] }>('/api/services/catalogue', { signal });
export const fetchSlots = (stationId: number, signal?: AbortSignal) =>
  apiGet<{ data: Slot[] }>(`/api/services/stations/${stationId}/slots?days=14`, { signal }).then((r) => r.data);
export type BookingInput =
  | { mode: 'visit'; serviceItemId: number; slotId: number; note?: string }
  | { mode: 'proxy'; serviceItemId: number; note: string; residentUserId?: number };
export const createBooking = (body: BookingInput) => apiSend<{ data: Booking }>('POST', '/api/services/bookings', body).then((r) => r.data);
export const fetchBookings = (q: { mine?: boolean; status?: BookingStatus }, signal?: AbortSignal) => {
  const params = new URLSearchParams({ pageSize: '100' });
  if (q.mine) params.set('mine', 'true');
  if (q.status) params.set('status', q.status);
  return apiGet<{ data: Booking[] }>(`/api/services/bookings?${params}`, { signal }).then((r) => r.data);
};
export const fetchBooking = (id: number, signal?: AbortSignal) =>
  apiGet<{ data: Booking & { history: BookingEvent[] }; abilities: string[] }>(`/api/services/bookings/${id}`, { signal });
export const bookingStep = (id: number, action: 'receive' | 'handover' | 'complete' | 'cancel' | 'rate', body?: object) =>
  apiSend('POST', `/api/services/bookings/${id}/${action}`, body);
export const fetchHandlers = (signal?: AbortSignal) =>
  apiGet<{ data: { id: number; displayName: string; role: string }[] }>('/api/services/handlers', { signal }).then((r) => r.data);
