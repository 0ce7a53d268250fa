import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import { appSettings } from '../accounts/schema.ts';
import { orgNodes } from '../org/schema.ts';

export const SETUP_KEY = 'setup';
/** Wrong codes allowed before the code is locked for LOCK_MINUTES. */
export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

/** app_settings['setup']: a pending claim (hashed one-time code, wrong-code count) or the finished setup. */
export type SetupState =
  | { state: 'pending'; codeHash: string; failures: number; lockedUntil: string | null; issuedAt: string }
  | { state: 'done'; at: string; districtCode: string; adminUserId: number };

// No 0/O, 1/I/L: the code is read off a console and typed by hand.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

export function hashCode(code: string): string {
  return createHash('sha256')
    .update(`gridhive-setup:${normaliseCode(code)}`)
    .digest('hex');
}

export function codeMatches(code: string, codeHash: string): boolean {
  const a = Buffer.from(hashCode(code), 'hex');
  const b = Buffer.from(codeHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function readSetupState(q: Queryable, forUpdate = false): Promise<SetupState | null> {
  const query = q.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, SETUP_KEY));
  const [row] = forUpdate ? await query.for('update') : await query;
  return (row?.value as SetupState | undefined) ?? null;
}

export async function writeSetupState(q: Queryable, value: SetupState): Promise<void> {
  await q
    .insert(appSettings)
    .values({ key: SETUP_KEY, value })
    .onConflictDoUpdate({ target: appSettings.key, set: { value, updatedAt: sql`now()` } });
}

/** Setup is needed while it has not been finished and the database holds no governance tree (a demo or an older install has one). */
export async function setupNeeded(q: Queryable): Promise<boolean> {
  const state = await readSetupState(q);
  if (state?.state === 'done') return false;
  const [node] = await q.select({ id: orgNodes.id }).from(orgNodes).limit(1);
  return !node;
}

/**
 * Issues a fresh one-time code when setup is needed and returns it (to be printed on the
 * server console, so only whoever can read the console can claim the install); null otherwise.
 * Every start issues a new code: an older one printed elsewhere stops working.
 */
export async function issueSetupCode(q: Queryable): Promise<string | null> {
  if (!(await setupNeeded(q))) return null;
  const raw = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  const code = `${raw.slice(0, 4)}-${raw.slice(4)}`;
  await writeSetupState(q, {
    state: 'pending',
    codeHash: hashCode(code),
    failures: 0,
    lockedUntil: null,
    issuedAt: new Date().toISOString(),
  });
  return code;
}
