// Response shapes mirror server/modules/services/{schema,queries,routes}.ts; labels repeated so no zod reaches the bundle.

export type ServiceKind = 'affairs' | 'public_benefit';
export const SERVICE_KIND_LABELS: Record<ServiceKind, string> = { affairs: '政务服务', public_benefit: '公益服务' };
export type BookingStatus = 'submitted' | 'received' | 'completed' | 'cancelled';
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

export interface ServiceItem {
  id: number;
  communityId: number;
  kind: ServiceKind;
  name: string;
  departmentName: string;
  materials: string[];
  timeLimitDays: number;
  fee: string;
  whereWhen: string;
  online: boolean;
  proxy: boolean;
  active?: boolean;
}
/** A resident found by the proxy-booking picker: identity number and phone masked by the server. */
export interface PickedResident {
  id: number;
  name: string;
  gender: string;
  idNumberMasked: string;
  phoneMasked: string | null;
  address: string;
}
export interface Station {
  id: number;
  name: string;
  address: string;
  openingHours: { weekday: number; open: string; close: string }[];
  slotMinutes: number;
  capacityPerSlot: number;
}
export interface Catalogue {
  community: { id: number; name: string };
  items: ServiceItem[];
  stations: Station[];
}
export interface Slot {
  id: number;
  stationId: number;
  startsAt: string;
  endsAt: string;
  capacity: number;
  booked: number;
}
export interface Booking {
  id: number;
  mode: keyof typeof BOOKING_MODE_LABELS;
  serviceItemId: number;
  slotId: number | null;
  residentUserId: number | null;
  personId: number | null;
  requestedBy: number;
  note: string | null;
  status: BookingStatus;
  responsibleUserId: number | null;
  rating: number | null;
  ratingComment: string | null;
  createdAt: string;
  itemName: string;
  slotStartsAt: string | null;
  residentName: string;
}
export interface BookingEvent {
  id: number;
  action: string;
  actorName: string;
  toName: string | null;
  note: string | null;
  at: string;
}
export const EVENT_LABELS: Record<string, string> = {
  submitted: '提交',
  receive: '受理',
  handover: '移交',
  complete: '办结',
  cancel: '取消',
  rate: '评价',
};
