import type { Db } from './open.ts';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that can run a query: the database or an open transaction. */
export type Queryable = Db | Tx;

/**
 * Runs `work` in one transaction. Inside it, use only `tx`: embedded PGlite serialises
 * connections while a transaction is open, so a second pool query would wait forever.
 */
export function withTx<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(work);
}
