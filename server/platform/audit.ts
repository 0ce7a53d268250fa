import type { Actor } from './auth/actor.ts';
import type { Queryable } from './db/tx.ts';
import { auditLog } from './audit-schema.ts';

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: string | number | null;
  scopePath?: string | null;
  summary?: Record<string, unknown>;
  ip?: string | null;
}

/**
 * Appends one audit row. Call it inside the transaction of the write it records, so
 * that a write and its audit entry commit or vanish together.
 */
export async function recordAudit(tx: Queryable, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorUserId: actor?.userId ?? null,
    actorRole: actor?.role ?? null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId === null ? null : String(entry.targetId),
    scopePath: entry.scopePath ?? null,
    summary: entry.summary ?? {},
    ip: entry.ip ?? null,
  });
}
