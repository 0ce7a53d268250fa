/**
 * Where a reader stands in the outbox: the (xid, id) of the last row it has passed. Rows are read
 * in that order (see outbox.ts), so a cursor orders events and is what SSE sends as `id:`.
 */
export interface Cursor {
  xid: number;
  id: number;
}

export const START: Cursor = { xid: 0, id: 0 };

export function formatCursor(c: Cursor): string {
  return `${c.xid}-${c.id}`;
}

/** Parses a Last-Event-ID; anything else than two non-negative integers is no cursor at all. */
export function parseCursor(text: string | undefined | null): Cursor | null {
  const m = /^(\d{1,16})-(\d{1,16})$/.exec((text ?? '').trim());
  if (!m) return null;
  const c = { xid: Number(m[1]), id: Number(m[2]) };
  return Number.isSafeInteger(c.xid) && Number.isSafeInteger(c.id) ? c : null;
}

export function compareCursors(a: Cursor, b: Cursor): number {
  return a.xid - b.xid || a.id - b.id;
}

export function cursorOf(row: Cursor): Cursor {
  return { xid: row.xid, id: row.id };
}
