import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';

/** prev_hash of the first row in the chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** One audit row as the chain hashes it: every content column rendered as exact text by PostgreSQL. */
export type ChainRow = {
  id: string;
  xid: string;
  /** Microseconds since the epoch: JavaScript dates would drop the microseconds of now(). */
  atMicros: string;
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  scopePath: string | null;
  /** jsonb's own text output: keys in a fixed order, whitespace normalised. */
  summary: string;
  ip: string | null;
};

/** The select list producing a ChainRow from audit_log (aliased `a`). */
export const CHAIN_ROW_COLUMNS = sql.raw(`a.id::text as "id", a.xid::text as "xid",
  (extract(epoch from a.at) * 1000000)::bigint::text as "atMicros", a.actor_user_id::text as "actorUserId",
  a.actor_role as "actorRole", a.action, a.target_type as "targetType", a.target_id as "targetId",
  a.scope_path as "scopePath", a.summary::text as "summary", a.ip`);

/**
 * SHA-256 over the row's content, its place in the chain and the previous row's hash, as hex.
 * Anyone holding a dump can recompute it: the JSON array below is the whole definition.
 */
export function chainHash(seq: number, prevHash: string, row: ChainRow): string {
  const canonical = JSON.stringify([
    seq,
    prevHash,
    row.id,
    row.xid,
    row.atMicros,
    row.actorUserId,
    row.actorRole,
    row.action,
    row.targetType,
    row.targetId,
    row.scopePath,
    row.summary,
    row.ip,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
