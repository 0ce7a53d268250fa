import { sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { CHAIN_ROW_COLUMNS, chainHash, GENESIS_HASH, type ChainRow } from './hash.ts';
import { readHead, type ChainHead } from './head.ts';
import { ChainHeadMismatch, sealAuditChain } from './seal.ts';

export interface ChainBreak {
  /** The first row that does not fit (null when rows are missing at the end of the chain). */
  id: number | null;
  seq: number;
  problem: 'content_changed' | 'prev_hash_mismatch' | 'seq_gap' | 'tail_missing' | 'head_mismatch';
  /** What differs, in Chinese, for the CLI and the admin page. */
  message: string;
}

export interface ChainReport {
  intact: boolean;
  /** Sealed rows checked. */
  checked: number;
  /** Rows not yet sealed (their transactions were still running, or older ones were). */
  unsealed: number;
  head: ChainHead | null;
  /** When the newest sealed row was sealed. */
  lastSealedAt: string | null;
  broken: ChainBreak | null;
}

const BATCH = 5000;
type SealedRow = ChainRow & { seq: number; prevHash: string; rowHash: string; sealedAt: string };

/**
 * Recomputes the whole chain in seq order and stops at the first row that does not fit. By default
 * it seals first (waiting for a running sealer), so rows committed a moment ago are covered too.
 */
export async function verifyAuditChain(db: Db, options: { seal?: boolean } = {}): Promise<ChainReport> {
  if (options.seal ?? true) {
    // A cut tail makes the sealer refuse; the check below then names it.
    await sealAuditChain(db, { wait: true }).catch((error: unknown) => {
      if (!(error instanceof ChainHeadMismatch)) throw error;
    });
  }
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let lastSealedAt: string | null = null;
  let broken: ChainBreak | null = null;
  for (let after = 0; !broken;) {
    const { rows } = await db.execute<SealedRow>(sql`
      select ${CHAIN_ROW_COLUMNS}, a.chain_seq as seq, a.prev_hash as "prevHash", a.row_hash as "rowHash", a.sealed_at as "sealedAt"
      from audit_log a where a.chain_seq > ${after} order by a.chain_seq limit ${BATCH}`);
    for (const row of rows) {
      broken = checkRow(row, expectedSeq, prevHash);
      if (broken) break;
      expectedSeq += 1;
      prevHash = row.rowHash;
      lastSealedAt = new Date(row.sealedAt).toISOString();
    }
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1]!.seq;
  }
  const checked = expectedSeq - 1;
  const head = await readHead(db);
  broken ??= checkHead(head, checked, prevHash);
  const {
    rows: [pending],
  } = await db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where chain_seq is null`);
  return { intact: !broken, checked, unsealed: Number(pending?.n ?? 0), head, lastSealedAt, broken };
}

function checkRow(row: SealedRow, expectedSeq: number, prevHash: string): ChainBreak | null {
  const id = Number(row.id);
  if (row.seq !== expectedSeq) {
    const missing = row.seq > expectedSeq ? `第 ${expectedSeq}–${row.seq - 1} 条缺失（被删除）` : '序号重复';
    return {
      id,
      seq: row.seq,
      problem: 'seq_gap',
      message: `记录 #${id}：链序号应为 ${expectedSeq}，实为 ${row.seq}，${missing}`,
    };
  }
  if (row.prevHash !== prevHash) {
    return {
      id,
      seq: row.seq,
      problem: 'prev_hash_mismatch',
      message: `记录 #${id}（第 ${row.seq} 条）：前一哈希与上一条记录不符（上一条被改动或替换）`,
    };
  }
  if (chainHash(row.seq, row.prevHash, row) !== row.rowHash) {
    return {
      id,
      seq: row.seq,
      problem: 'content_changed',
      message: `记录 #${id}（第 ${row.seq} 条）：内容与封存时的哈希不符（封存后被改动）`,
    };
  }
  return null;
}

function checkHead(head: ChainHead | null, lastSeq: number, lastHash: string): ChainBreak | null {
  const headSeq = head?.seq ?? 0;
  if (headSeq > lastSeq) {
    return {
      id: null,
      seq: lastSeq + 1,
      problem: 'tail_missing',
      message: `链尾缺失：链头记录到第 ${headSeq} 条，表中只到第 ${lastSeq} 条（第 ${lastSeq + 1}–${headSeq} 条被删除）`,
    };
  }
  if (headSeq < lastSeq || (head && head.hash !== lastHash)) {
    return {
      id: null,
      seq: headSeq,
      problem: 'head_mismatch',
      message: `链头（第 ${headSeq} 条）与表中链尾（第 ${lastSeq} 条）不符`,
    };
  }
  return null;
}
