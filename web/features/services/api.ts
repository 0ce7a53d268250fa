import type { z } from 'zod';
import type {
  createBookingBody,
  createServiceItemBody,
  createStationBody,
  openSlotsBody,
  staffOptionsResponse,
} from '../../../contracts/services.ts';
import { apiGet, apiSend } from '../../shared/api';
import type { Booking, BookingEvent, BookingStatus, Catalogue, PickedResident, Slot } from './types';

/** `communityId`: district and street accounts name the community; everyone else gets their own. */
export const fetchCatalogue = (signal?: AbortSignal, communityId?: number) =>
  apiGet<{ data: Catalogue; abilities: string[] }>(
    `/api/services/catalogue${communityId ? `?communityId=${communityId}` : ''}`,
    { signal },
  );
export const fetchSlots = (stationId: number, signal?: AbortSignal) =>
  apiGet<{ data: Slot[] }>(`/api/services/stations/${stationId}/slots?days=14`, { signal }).then((r) => r.data);
export type BookingInput = z.input<typeof createBookingBody>;
export const createBooking = (body: BookingInput) =>
  apiSend<{ data: Booking }>('POST', '/api/services/bookings', body).then((r) => r.data);
export const fetchBookings = (q: { mine?: boolean; status?: BookingStatus }, signal?: AbortSignal) => {
  const params = new URLSearchParams({ pageSize: '100' });
  if (q.mine) params.set('mine', 'true');
  if (q.status) params.set('status', q.status);
  return apiGet<{ data: Booking[] }>(`/api/services/bookings?${params}`, { signal }).then((r) => r.data);
};
export const fetchBooking = (id: number, signal?: AbortSignal) =>
  apiGet<{ data: Booking & { history: BookingEvent[] }; abilities: string[] }>(`/api/services/bookings/${id}`, {
    signal,
  });
export const bookingStep = (
  id: number,
  action: 'receive' | 'handover' | 'complete' | 'cancel' | 'rate',
  body?: object,
) => apiSend('POST', `/api/services/bookings/${id}/${action}`, body);
export const fetchHandlers = (signal?: AbortSignal) =>
  apiGet<z.input<typeof staffOptionsResponse>>('/api/services/handlers', { signal }).then((r) => r.data);
/** Residents of the user's community for a proxy booking: name, address or the last 4 characters of an ID number or phone; masked. */
export const searchResidents = (q: string, signal?: AbortSignal) =>
  apiGet<{ data: PickedResident[] }>(`/api/services/residents?q=${encodeURIComponent(q)}`, { signal }).then(
    (r) => r.data,
  );

// Catalogue administration (service items, stations and their slots).
export const fetchManagedCatalogue = (communityId: number, signal?: AbortSignal) =>
  apiGet<{ data: Catalogue }>(`/api/services/manage/catalogue?communityId=${communityId}`, { signal }).then(
    (r) => r.data,
  );
export type ItemInput = Omit<z.input<typeof createServiceItemBody>, 'communityId'> & { active?: boolean };
export const createItem = (communityId: number, body: ItemInput) =>
  apiSend('POST', '/api/services/items', { communityId, ...body });
export const updateItem = (id: number, body: Partial<ItemInput>) => apiSend('PATCH', `/api/services/items/${id}`, body);
export type StationInput = Omit<z.input<typeof createStationBody>, 'communityId'>;
export const createStation = (communityId: number, body: StationInput) =>
  apiSend('POST', '/api/services/stations', { communityId, ...body });
export const updateStation = (id: number, body: Partial<StationInput>) =>
  apiSend('PATCH', `/api/services/stations/${id}`, body);
export const openSlots = (id: number, body: z.input<typeof openSlotsBody>) =>
  apiSend<{ data: { opened: number } }>('POST', `/api/services/stations/${id}/slots`, body).then((r) => r.data);
