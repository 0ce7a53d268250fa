import type { z } from 'zod';
import { apiGet, apiSend } from '../../shared/api';
import type {
  areaSubscriptionListResponse,
  Delivery,
  NoticeTopic,
  OutsideChannel,
  PreferencesBody,
  preferencesResponse,
  Webhook,
} from '../../../contracts/notify.ts';

export type Preferences = z.input<typeof preferencesResponse>['data'];
export type AreaList = z.input<typeof areaSubscriptionListResponse>;
export type { Delivery, NoticeTopic, OutsideChannel, PreferencesBody, Webhook };

export const fetchPreferences = async (signal?: AbortSignal) =>
  (await apiGet<{ data: Preferences }>('/api/notify/preferences', { signal })).data;
export const savePreferences = async (body: PreferencesBody) =>
  (await apiSend<{ data: Preferences }>('PUT', '/api/notify/preferences', body)).data;

export const fetchAreas = (signal?: AbortSignal) => apiGet<AreaList>('/api/notify/areas', { signal });
export const subscribeArea = (body: { nodeId: number; onNew: boolean; onClosed: boolean }) =>
  apiSend('POST', '/api/notify/areas', body);
export const unsubscribeArea = (id: number) => apiSend('DELETE', `/api/notify/areas/${id}`);

export interface WebhookInput {
  name: string;
  url: string;
  kinds: string[];
  active: boolean;
}
export const fetchWebhooks = async (signal?: AbortSignal) =>
  (await apiGet<{ data: Webhook[] }>('/api/notify/webhooks', { signal })).data;
export const createWebhook = async (body: WebhookInput) =>
  (await apiSend<{ data: Webhook & { secret: string } }>('POST', '/api/notify/webhooks', body)).data;
export const updateWebhook = (id: number, body: WebhookInput) => apiSend('PUT', `/api/notify/webhooks/${id}`, body);
export const deleteWebhook = (id: number) => apiSend('DELETE', `/api/notify/webhooks/${id}`);

export const fetchDeliveries = async (status: string | undefined, signal?: AbortSignal) =>
  (
    await apiGet<{ data: Delivery[] }>(`/api/notify/deliveries?limit=200${status ? `&status=${status}` : ''}`, {
      signal,
    })
  ).data;
export const resendDelivery = (id: number) => apiSend('POST', `/api/notify/deliveries/${id}/resend`);
