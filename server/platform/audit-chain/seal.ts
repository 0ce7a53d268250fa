import { sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import type { Tx } from '../db/tx.ts';
import { CHAIN_ROW_COLUMNS, chainHash, GENESIS_HASH, type ChainRow } from './hash.ts';
import { readHead, writeHead, type ChainHead } from './head.ts';

/** Only one sealer at a time across every instance ('audit' as a number). */
export const SEAL_LOCK_KEY = 0x61756469;
const BATCH = 2000;
/**
 * Rows one periodic run seals at most: after a restore or an outage the backlog can be millions of
 * rows, and one job run must stay well inside its lease (60 s) and leave the queue to other jobs.
 * The rest is sealed by the following runs (every minute), oldest transaction first as always.
 */
export const MAX_ROWS_PER_RUN = 100_000;

export class ChainHeadMismatch extends Error {}

/**
 * Gives unsealed audit rows their place in the chain, oldest transaction first.
 *
 * A row is sealed only once its transaction's id is below the xmin of our snapshot: then that
 * transaction and every older one has finished, and no row can still appear before it. Rows are
 * chained in (xid, id) order, which is therefore final: ids come from a sequence and are NOT commit
 * order, so sealing by id could skip a row committed later with a smaller id.
 *
 * `wait`: on-demand sealing (before a verification) waits for a running sealer; the periodic job
 * skips its turn instead. `maxRows` bounds one call's work (the periodic job passes MAX_ROWS_PER_RUN;
 * verification seals everything). Returns how many rows it sealed, or null when another sealer held the lock.
 */
export async function sealAuditChain(
  db: Db,
  options: { wait?: boolean; maxRows?: number } = {},
): Promise<number | null> {
  const maxRows = options.maxRows ?? Infinity;
  let total = 0;
  while (total < maxRows) {
    const limit = Math.min(BATCH, maxRows - total);
    const sealed = await db.transaction((tx) => sealBatch(tx, options.wait ?? false, limit));
    if (sealed === null) return total || null;
    total += sealed;
    if (sealed < limit) break;
  }
  return total;
}

async function sealBatch(tx: Tx, wait: boolean, limit: number): Promise<number | null> {
  if (wait) await tx.execute(sql`select pg_advisory_xact_lock(${SEAL_LOCK_KEY})`);
  else {
    const { rows } = await tx.execute<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(${SEAL_LOCK_KEY}) as ok`);
    if (!rows[0]?.ok) return null;
  }
  const last = (
    await tx.execute<{ seq: number; hash: string }>(
      sql`select chain_seq as seq, row_hash as hash from audit_log where chain_seq is not null order by chain_seq desc limit 1`,
    )
  ).rows[0];
  const head = await readHead(tx);
  // Extending a chain whose tail was cut would re-anchor the cut and hide it.
  if ((head?.seq ?? 0) !== (last?.seq ?? 0) || (head && head.hash !== last?.hash)) {
    throw new ChainHeadMismatch(
      `审计链末端与记录的链头不符（链头 #${head?.seq ?? 0}，表中最后一条 #${last?.seq ?? 0}），拒绝继续封存`,
    );
  }
  const { rows } = await tx.execute<ChainRow>(sql`
    select ${CHAIN_ROW_COLUMNS} from audit_log a
    where a.chain_seq is null and a.xid < (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint
    order by a.xid, a.id limit ${limit}`);
  if (!rows.length) return 0;
  let seq = last?.seq ?? 0;
  let prev = last?.hash ?? GENESIS_HASH;
  const ids: string[] = [],
    seqs: number[] = [],
    prevs: string[] = [],
    hashes: string[] = [];
  for (const row of rows) {
    seq += 1;
    const hash = chainHash(seq, prev, row);
    ids.push(row.id);
    seqs.push(seq);
    prevs.push(prev);
    hashes.push(hash);
    prev = hash;
  }
  await tx.execute(sql`
    update audit_log a set chain_seq = v.seq, prev_hash = v.prev, row_hash = v.hash, sealed_at = now()
    from (select unnest(${toPgArray(ids)}::bigint[]) as id, unnest(${toPgArray(seqs)}::bigint[]) as seq,
                 unnest(${toPgArray(prevs)}::text[]) as prev, unnest(${toPgArray(hashes)}::text[]) as hash) v
    where a.id = v.id`);
  const newHead: ChainHead = { seq, hash: prev, sealedAt: new Date().toISOString() };
  await writeHead(tx, newHead);
  return rows.length;
}

/** Array literal for one bound parameter (hex hashes and digits only: nothing to escape). */
function toPgArray(values: (string | number)[]): string {
  return `{${values.join(',')}}`;
}
