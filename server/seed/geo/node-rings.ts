/**
 * Turns the rectangles of a tiling into GeoJSON rings that carry every T-junction.
 * A street's edge passes corners of the grids beside it; inserting those corners into the ring
 * makes shared boundaries identical vertex for vertex, which map renderers and polygon clipping
 * (turf/polyclip) handle without hairline gaps.
 */
import type { GeoPolygon, LngLat } from '../../modules/org/geo/types.ts';
import type { Rect } from './rect-split.ts';

export class RingNoder {
  // Exact float keys are safe: every coordinate is produced once by a cut and then copied.
  private readonly ysAtX = new Map<number, number[]>();
  private readonly xsAtY = new Map<number, number[]>();

  constructor(finest: readonly Rect[]) {
    const add = (m: Map<number, number[]>, k: number, v: number): void => {
      const list = m.get(k);
      if (list) list.push(v);
      else m.set(k, [v]);
    };
    for (const r of finest) {
      for (const x of [r.w, r.e]) {
        add(this.ysAtX, x, r.s);
        add(this.ysAtX, x, r.n);
      }
      for (const y of [r.s, r.n]) {
        add(this.xsAtY, y, r.w);
        add(this.xsAtY, y, r.e);
      }
    }
    for (const m of [this.ysAtX, this.xsAtY]) {
      for (const [k, list] of m)
        m.set(
          k,
          [...new Set(list)].sort((a, b) => a - b),
        );
    }
  }

  /** Counter-clockwise closed ring: SW → SE → NE → NW → SW, with junctions on each side. */
  polygon(r: Rect): GeoPolygon {
    const ring: LngLat[] = [[r.w, r.s]];
    for (const x of this.between(this.xsAtY, r.s, r.w, r.e)) ring.push([x, r.s]);
    ring.push([r.e, r.s]);
    for (const y of this.between(this.ysAtX, r.e, r.s, r.n)) ring.push([r.e, y]);
    ring.push([r.e, r.n]);
    for (const x of this.between(this.xsAtY, r.n, r.w, r.e).reverse()) ring.push([x, r.n]);
    ring.push([r.w, r.n]);
    for (const y of this.between(this.ysAtX, r.w, r.s, r.n).reverse()) ring.push([r.w, y]);
    ring.push([r.w, r.s]);
    return { type: 'Polygon', coordinates: [ring] };
  }

  private between(m: Map<number, number[]>, key: number, lo: number, hi: number): number[] {
    return (m.get(key) ?? []).filter((v) => v > lo && v < hi);
  }
}
