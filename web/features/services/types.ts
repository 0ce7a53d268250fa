// Response shapes come from the shared zod contracts (type-only; `z.input` is what the web receives); labels
// repeated so no zod reaches the bundle.
import type { z } from 'zod';
import type {
  BOOKING_STATUSES,
  SERVICE_KINDS,
  bookingEventSchema,
  bookingListItemSchema,
  manageCatalogueResponse,
  pickedResidentSchema,
  serviceItemSchema,
  slotSchema,
  stationSchema,
} from '../../../contracts/services.ts';

export type ServiceKind = (typeof SERVICE_KINDS)[number];
export const SERVICE_KIND_LABELS: Record<ServiceKind, string> = { affairs: '政务服务', public_benefit: '公益服务' };
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  submitted: '待受理',
  received: '办理中',
  completed: '已办结',
  cancelled: '已取消',
};
export const BOOKING_STATUS_COLOURS: Record<BookingStatus, string> = {
  submitted: 'orange',
  received: 'blue',
  completed: 'green',
  cancelled: 'default',
};
export const BOOKING_MODE_LABELS = { visit: '预约到站', proxy: '代办' } as const;

export type ServiceItem = z.input<typeof serviceItemSchema>;
/** A resident found by the proxy-booking picker: identity number and phone masked by the server. */
export type PickedResident = z.input<typeof pickedResidentSchema>;
export type Station = z.input<typeof stationSchema>;
export type Catalogue = z.input<typeof manageCatalogueResponse>['data'];
export type Slot = z.input<typeof slotSchema>;
/** A booking as listed (item name, slot start, whom it is for); the detail answers these fields too. */
export type Booking = z.input<typeof bookingListItemSchema>;
export type BookingEvent = z.input<typeof bookingEventSchema>;
export const EVENT_LABELS: Record<string, string> = {
  submitted: '提交',
  receive: '受理',
  handover: '移交',
  complete: '办结',
  cancel: '取消',
  rate: '评价',
};
