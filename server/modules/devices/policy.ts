import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { actorCovers, underPath } from '../../platform/scope.ts';
import { hasAbility } from '../accounts/abilities.ts';
import { devices } from './schema.ts';

export type DeviceAction = 'read' | 'manage';

/**
 * The one place deciding access to devices and their alarms. Staff and grid workers see the
 * devices under their scope (rows outside are 404); registering and retiring devices is for
 * community staff and above. Alarms themselves arrive over MQTT, not from any account.
 */
export function devicesScopeWhere(actor: Actor): SQL {
  if (!actor.scopePath || !hasAbility(actor.role, 'devices.read')) return sql`false`;
  return underPath(devices.scopePath, actor.scopePath);
}

export function canDevice(actor: Actor, action: DeviceAction, place: { scopePath: string }): boolean {
  const ability = action === 'read' ? 'devices.read' : 'devices.manage';
  return hasAbility(actor.role, ability) && actorCovers(actor, place.scopePath);
}

/** No right to the action at all: 403; a place outside the actor's scope: 404, as for every record. */
export function authorizeDevice(actor: Actor, action: DeviceAction, place: { scopePath: string }): void {
  if (canDevice(actor, action, place)) return;
  if (!hasAbility(actor.role, action === 'read' ? 'devices.read' : 'devices.manage'))
    throw new AppError('FORBIDDEN', { message: action === 'manage' ? '您无权登记或停用设备' : '您无权查看设备' });
  throw new AppError('NOT_FOUND');
}

/** Listing needs the read right at all (403), the rows are then cut to the scope. */
export function authorizeDeviceList(actor: Actor): void {
  if (!hasAbility(actor.role, 'devices.read')) throw new AppError('FORBIDDEN', { message: '您无权查看设备' });
}
