import { maskIdentityNumber, maskPhone } from '../../platform/masking.ts';
import { w3cDate } from './format.ts';
import { OPEN311_STATUS } from './status.ts';
import type { RequestRow } from './queries.ts';

/**
 * Free text on a public feed may quote a phone or identity number (a hotline operator's note,
 * a resident's description): mask them, since GET answers must never carry personal data.
 */
export function scrub(text: string | null): string | null {
  if (!text) return text;
  return text
    .replace(/(?<!\d)\d{17}[\dXx](?!\d)/g, (m) => maskIdentityNumber(m)!)
    .replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, (m) => maskPhone(m)!);
}

/** One case as a GeoReport service request — never the reporter's name, phone or contact details. */
export function presentRequest(r: RequestRow, notice: string | null) {
  const status = OPEN311_STATUS[r.state];
  return {
    service_request_id: String(r.id),
    status,
    status_notes: scrub(r.statusNotes),
    service_name: r.serviceName,
    // Required as a string by the schema; a case nobody has classified yet has no service.
    service_code: r.serviceCode ?? '',
    description: scrub(r.description),
    agency_responsible: r.departmentName ?? r.assigneeName ?? r.communityName,
    service_notice: notice,
    requested_datetime: w3cDate(r.reportedAt),
    updated_datetime: w3cDate(status === 'closed' && r.closedAt ? r.closedAt : r.updatedAt),
    expected_datetime: status === 'open' ? w3cDate(r.dueAt) : null,
    address: scrub(r.address) ?? r.placeName,
    address_id: r.addressId,
    zipcode: null,
    lat: r.lat,
    long: r.lng,
    media_url: r.mediaUrl,
  };
}
