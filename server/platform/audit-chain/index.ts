export { MAX_ROWS_PER_RUN, sealAuditChain, SEAL_LOCK_KEY } from './seal.ts';
export { verifyAuditChain, type ChainReport, type ChainBreak } from './verify.ts';
