import validator from 'validator';
import type { AppDeps } from '../../app-deps.ts';
import { badRequest, notFound } from './format.ts';
import type { PostedForm } from './form.ts';
import { findService, type Service } from './services.ts';
import { validateAttributes } from './validate-attributes.ts';
import { questionsOf } from '../cases/index.ts';
import { eq } from 'drizzle-orm';
import { orgNodes } from '../org/schema.ts';

export interface ValidRequest {
  service: Service;
  pin: { lng: number; lat: number } | null;
  address: string | null;
  addressId: string | null;
  description: string;
  phone: string | null;
  reporter: { firstName?: string; lastName?: string; email?: string; deviceId?: string; accountId?: string };
  mediaUrl: string | null;
  attributes: Record<string, string | number | string[]>;
}

const PHONE = /^\+?[\d][\d -]{4,19}$/;

/** Optional arguments: "passed and empty" is the same as "not passed" (spec, Optional Arguments). */
function optional(fields: Record<string, string>, name: string): string | undefined {
  const v = fields[name]?.trim();
  return v ? v : undefined;
}

/** Where an address_id (one of our building or house codes) lies, and its name from estate down. */
async function resolveAddressId(deps: AppDeps, code: string) {
  const [node] = await deps.db.select().from(orgNodes).where(eq(orgNodes.code, code));
  if (!node || !['building', 'house'].includes(node.level)) return null;
  const ids = node.path.split('/').filter(Boolean).map(Number).slice(4);
  const chain = await Promise.all(
    ids.map(async (id) => (await deps.db.select().from(orgNodes).where(eq(orgNodes.id, id)))[0]!),
  );
  const building = chain.find((n) => n.level === 'building');
  return {
    address: chain.map((n) => n.name).join(' '),
    pin: building?.lng != null && building.lat != null ? { lng: building.lng, lat: building.lat } : null,
  };
}

/**
 * Checks a POSTed request completely before anything is written: an unknown service is 404,
 * every other problem is collected and answered together as one 400.
 */
export async function validateRequest(deps: AppDeps, form: PostedForm): Promise<ValidRequest> {
  const f = form.fields;
  const code = optional(f, 'service_code');
  if (!code) throw badRequest('缺少 service_code（service_code was not provided）');
  const service = await findService(deps.db, code);
  if (!service) throw notFound(`服务类型 ${code} 不存在（service_code not found）`);

  const errors: string[] = [];
  const latRaw = optional(f, 'lat');
  const longRaw = optional(f, 'long');
  let address = optional(f, 'address_string') ?? null;
  const addressId = optional(f, 'address_id') ?? null;
  let pin: ValidRequest['pin'] = null;
  if (latRaw !== undefined || longRaw !== undefined) {
    const lat = Number(latRaw);
    const lng = Number(longRaw);
    if (latRaw === undefined || longRaw === undefined) errors.push('lat 和 long 必须同时提供');
    else if (!Number.isFinite(lat) || lat < -90 || lat > 90 || !Number.isFinite(lng) || lng < -180 || lng > 180)
      errors.push('lat/long 不是有效的 WGS84 坐标');
    else if (!(await deps.gridLookup.locate(lng, lat))) {
      if (!address && !addressId) errors.push('lat/long 不在本辖区任何网格内，请改填 address_string');
    } else pin = { lng, lat };
  }
  if (addressId) {
    const place = await resolveAddressId(deps, addressId);
    if (!place) errors.push(`address_id ${addressId} 不存在（应为楼栋或房屋编码）`);
    else {
      address ??= place.address;
      pin ??= place.pin;
    }
  }
  if (!pin && !address && !addressId && latRaw === undefined && longRaw === undefined) {
    errors.push('缺少位置：须提供 lat 与 long、address_string 或 address_id 之一');
  }
  if (address && address.length > 200) errors.push('address_string 不能超过 200 字');

  const description = optional(f, 'description') ?? '';
  if (description.length > 4000) errors.push('description 不能超过 4000 字');
  const phone = optional(f, 'phone') ?? null;
  if (phone && !PHONE.test(phone)) errors.push('phone 不是有效的电话号码');
  const email = optional(f, 'email');
  if (email && !validator.isEmail(email)) errors.push('email 格式不正确');
  const mediaUrl = optional(f, 'media_url') ?? null;
  if (mediaUrl && !validator.isURL(mediaUrl, { protocols: ['http', 'https'], require_protocol: true }))
    errors.push('media_url 应为 http(s) 地址');
  const reporter = {
    firstName: optional(f, 'first_name'),
    lastName: optional(f, 'last_name'),
    email,
    deviceId: optional(f, 'device_id'),
    accountId: optional(f, 'account_id'),
  };
  for (const [name, value] of Object.entries({
    first_name: reporter.firstName,
    last_name: reporter.lastName,
    device_id: reporter.deviceId,
    account_id: reporter.accountId,
  })) {
    if (value && value.length > 100) errors.push(`${name} 不能超过 100 字`);
  }
  const attributes = validateAttributes(await questionsOf(deps.db, service.id), form.attributes);
  errors.push(...attributes.errors);
  if (errors.length) throw badRequest(...errors);
  return {
    service,
    pin,
    address,
    addressId,
    description: description || service.name,
    phone,
    reporter,
    mediaUrl,
    attributes: attributes.values,
  };
}
