/**
 * Whether a connection (or pool) reaches embedded PGlite rather than a PostgreSQL server. PGlite
 * behind pglite-socket is ONE database session shared by every connection: named prepared
 * statements of two connections collide, and COPY cannot cross the socket. Asked once per handle.
 */
const known = new WeakMap<object, Promise<boolean>>();

export function runsOnPglite(handle: { query(text: string): Promise<{ rows: unknown[] }> }): Promise<boolean> {
  let answer = known.get(handle);
  if (!answer) {
    answer = handle
      .query('select version() as v')
      .then((r) => /PGlite/i.test(String((r.rows[0] as { v?: unknown } | undefined)?.v ?? '')));
    known.set(handle, answer);
  }
  return answer;
}
