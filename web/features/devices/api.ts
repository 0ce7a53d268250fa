import { apiGet, apiSend } from '../../shared/api';
import type { z } from 'zod';
import type { AlarmView, DeviceKind, DeviceView, registerDeviceBody } from '../../../contracts/devices.ts';

export type { AlarmView, DeviceKind, DeviceView };
interface Page<T> {
  data: T[];
  page: { page: number; pageSize: number; total: number };
}

export const fetchDevices = (page: number, signal?: AbortSignal) =>
  apiGet<Page<DeviceView>>(`/api/devices?page=${page}&pageSize=20`, { signal });
export const fetchAlarms = (page: number, signal?: AbortSignal) =>
  apiGet<Page<AlarmView>>(`/api/devices/alarms?page=${page}&pageSize=20`, { signal });
export const registerDevice = (body: z.input<typeof registerDeviceBody>) =>
  apiSend<{ data: DeviceView }>('POST', '/api/devices', body);
export const retireDevice = (id: number) => apiSend<{ data: DeviceView }>('POST', `/api/devices/${id}/retire`);
