import { eq, sql } from 'drizzle-orm';
import { appSettings } from '../settings-schema.ts';
import type { Queryable } from '../db/tx.ts';

/**
 * The chain's last sealed row, kept apart from audit_log: a chain alone cannot show that its
 * newest rows were cut off. The verifier prints it so operators can also note it outside the
 * database (a DBA can rewrite both tables; a head noted elsewhere they cannot).
 */
export interface ChainHead {
  seq: number;
  hash: string;
  sealedAt: string;
}

const HEAD_KEY = 'audit.chain_head';

export async function readHead(db: Queryable): Promise<ChainHead | null> {
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, HEAD_KEY));
  return (row?.value as ChainHead | undefined) ?? null;
}

export async function writeHead(db: Queryable, head: ChainHead): Promise<void> {
  await db
    .insert(appSettings)
    .values({ key: HEAD_KEY, value: head })
    .onConflictDoUpdate({ target: appSettings.key, set: { value: head, updatedAt: sql`now()` } });
}
