import { eq, sql } from 'drizzle-orm';
import type { Role } from '../../../contracts/roles.ts';
import { appSettings } from './schema.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { fingerprintCache } from '../../platform/fingerprint-cache.ts';

export const TOTP_REQUIRED_KEY = 'security.totpRequiredForAdmins';
/** Roles that must enrol a second factor when the installation requires it. */
export const ADMIN_ROLES: readonly Role[] = ['district_admin', 'street_admin', 'community_secretary'];

/**
 * The switch is read on every admin request (session load), so it is cached per process and
 * rechecked at most every few seconds: another instance's change reaches this one within that.
 */
const totpSetting = fingerprintCache<boolean>({
  fingerprint: sql`coalesce((select ${appSettings.updatedAt}::text from ${appSettings} where ${appSettings.key} = ${TOTP_REQUIRED_KEY}), 'unset')`,
  build: async (db) => {
    const [row] = await db
      .select({ value: appSettings.value })
      .from(appSettings)
      .where(eq(appSettings.key, TOTP_REQUIRED_KEY));
    return row?.value === true;
  },
  recheckMs: 5_000,
});

export function totpRequiredForAdmins(db: Queryable): Promise<boolean> {
  return totpSetting.get(db);
}

export async function setTotpRequiredForAdmins(db: Queryable, value: boolean): Promise<void> {
  await db
    .insert(appSettings)
    .values({ key: TOTP_REQUIRED_KEY, value })
    .onConflictDoUpdate({ target: appSettings.key, set: { value, updatedAt: sql`now()` } });
  totpSetting.forget();
}

/** Whether this account must enrol TOTP before using the app. */
export async function needsTotpEnrolment(
  db: Queryable,
  user: { role: Role; totpEnabledAt: Date | null },
): Promise<boolean> {
  if (user.totpEnabledAt || !ADMIN_ROLES.includes(user.role)) return false;
  return totpRequiredForAdmins(db);
}
