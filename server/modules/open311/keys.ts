import crypto from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/open.ts';
import { Open311Error } from './format.ts';
import { open311Keys, open311RateCounters } from './schema.ts';

/** A new key: 32 random bytes, base64url (43 characters). */
export function generateKey(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** SHA-256 suffices for random 256-bit secrets (see the open311_keys table); argon2 would only add latency. */
export function hashKey(key: string): string {
  return crypto.createHash('sha256').update(key).digest('hex');
}

export type KeyRow = typeof open311Keys.$inferSelect;

const forbidden = (description: string) => new Open311Error(403, [{ code: 403, description }]);

/** The live key for `apiKey`, or a 403 (missing, unknown and revoked keys alike). */
export async function authenticateKey(db: Db, apiKey: string | undefined): Promise<KeyRow> {
  if (!apiKey) throw forbidden('缺少 api_key（Missing api_key）');
  const [row] = await db
    .select()
    .from(open311Keys)
    .where(eq(open311Keys.keyHash, hashKey(apiKey)));
  if (!row) throw forbidden('api_key 无效（Invalid api_key）');
  if (row.revokedAt) throw forbidden('api_key 已被吊销（api_key has been revoked）');
  return row;
}

/**
 * Counts one call against the key's per-minute budget. The counter row is upserted in
 * PostgreSQL, so all instances share it; the answer is 429 once the minute's budget is spent.
 */
export async function consumeRate(db: Db, key: KeyRow, now = new Date()): Promise<void> {
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const [row] = await db
    .insert(open311RateCounters)
    .values({ keyId: key.id, minute, count: 1 })
    .onConflictDoUpdate({
      target: [open311RateCounters.keyId, open311RateCounters.minute],
      set: { count: sql`${open311RateCounters.count} + 1` },
    })
    .returning({ count: open311RateCounters.count });
  if (row!.count === 1) {
    // First call of a new minute: forget this key's older minutes, so the table stays small.
    await db
      .delete(open311RateCounters)
      .where(and(eq(open311RateCounters.keyId, key.id), lt(open311RateCounters.minute, minute)));
  }
  if (row!.count > key.ratePerMinute) {
    throw new Open311Error(429, [
      { code: 429, description: `请求过于频繁：每分钟最多 ${key.ratePerMinute} 次（Rate limit exceeded）` },
    ]);
  }
}
