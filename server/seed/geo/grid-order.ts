/**
 * Reading order for grid numbers: rows north→south, west→east within a row.
 *
 * Rows are not cut at fixed latitudes (any threshold splits a row wherever jitter happens to
 * straddle it). Instead the northernmost remaining grid anchors a row, and every remaining grid
 * whose centroid lies within the anchor's own latitude span joins that row. A grid therefore
 * shares a row with the grids beside it, whatever their heights, and the result depends only
 * on the geometry, not on thresholds or input order.
 */
export interface OrderItem {
  s: number;
  n: number;
  cx: number;
  cy: number;
}

/** Returns indices into `items` in numbering order. */
export function readingOrder(items: readonly OrderItem[]): number[] {
  const remaining = items.map((_, i) => i);
  const order: number[] = [];
  const at = (i: number): OrderItem => items[i] as OrderItem;
  while (remaining.length > 0) {
    let anchor = remaining[0] as number;
    for (const i of remaining) {
      const a = at(anchor),
        c = at(i);
      if (c.cy > a.cy || (c.cy === a.cy && c.cx < a.cx)) anchor = i;
    }
    const { s, n } = at(anchor);
    const row = remaining.filter((i) => at(i).cy >= s && at(i).cy <= n);
    row.sort((i, j) => at(i).cx - at(j).cx || at(j).cy - at(i).cy);
    order.push(...row);
    const taken = new Set(row);
    remaining.splice(0, remaining.length, ...remaining.filter((i) => !taken.has(i)));
  }
  return order;
}
