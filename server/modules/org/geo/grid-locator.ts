/**
 * Point → grid lookup ("a point on the map resolves to exactly one grid").
 *
 * Build: grids are ranked by code and indexed with flatbush; flatbush then fills a uniform cell
 * table (about 4 cells per grid) with, for each cell, the grids whose bounding box touches it,
 * sorted by code rank. Lookup: one cell, then a boundary-inclusive ray cast over that cell's
 * candidates in code order; the first hit is the answer.
 *
 * Why not flatbush.search() per point: it allocates two arrays per call and yields candidates in
 * tree order, so every candidate would need testing to find the smallest code. The cell table
 * costs nothing per point, and its pre-sorted lists make "smallest code wins" an early exit.
 * Why not turf's booleanPointInPolygon for every candidate: it walks nested arrays of arrays and
 * allocates per call; `contains` below runs the same algorithm over one Float64Array (see there).
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import { partsOf, polygonBBox, type GeoArea } from './types.ts';

// Shewchuk's error bound for the non-robust orient2d: (3 + 16ε)ε with ε = 2^-53.
const ORIENT_ERR_BOUND = (3 + 16 * 1.1102230246251565e-16) * 1.1102230246251565e-16;

/** polygon: a Polygon or a MultiPolygon; a point in any part (not in its holes) is in the grid. */
export interface LocatorGrid { id: number; code: string; polygon: GeoArea }
export interface LocatedGrid { readonly id: number; readonly code: string }

export class GridLocator {
  private constructor(
    private readonly results: readonly LocatedGrid[], // by rank; returned as-is, so no allocation
    private readonly polygons: readonly GeoArea[], // by rank; only for the rare robust fallback
    private readonly coords: Float64Array, // x,y of every ring vertex, rings closed
    private readonly ringStart: Int32Array, // vertex offset of ring r; ringStart[r + 1] ends it
    private readonly gridRingStart: Int32Array, // first ring of grid g; gridRingStart[g + 1] ends it
    private readonly boxes: Float64Array, // minX, minY, maxX, maxY per grid
    private readonly frame: Float64Array, // minX, minY, invCellW, invCellH of the cell table
    private readonly cols: number,
    private readonly rows: number,
    private readonly cellStart: Int32Array,
    private readonly cellItems: Int32Array,
  ) {}

  static build(grids: readonly LocatorGrid[]): GridLocator {
    const sorted = [...grids].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.id - b.id));
    const n = sorted.length;
    const ringsOf = (g: LocatorGrid) => partsOf(g.polygon).flat();
    const ringCount = sorted.reduce((s, g) => s + ringsOf(g).length, 0);
    const vertexCount = sorted.reduce((s, g) => s + ringsOf(g).reduce((t, r) => t + r.length, 0), 0);
    const coords = new Float64Array(vertexCount * 2);
    const ringStart = new Int32Array(ringCount + 1), gridRingStart = new Int32Array(n + 1);
    const boxes = new Float64Array(n * 4);
    const index = new Flatbush(Math.max(1, n));
    let v = 0, r = 0;
    sorted.forEach((g, i) => {
      gridRingStart[i] = r;
      // All rings of all parts in one list: parts do not overlap, so the crossing count over every
      // ring is odd exactly inside one part and outside its holes.
      for (const ring of ringsOf(g)) {
        ringStart[r++] = v;
        for (const [x, y] of ring) { coords[v * 2] = x; coords[v * 2 + 1] = y; v++; }
      }
      const [minX, minY, maxX, maxY] = polygonBBox(g.polygon);
      boxes.set([minX, minY, maxX, maxY], i * 4);
      index.add(minX, minY, maxX, maxY);
    });
    ringStart[r] = v;
    gridRingStart[n] = r;
    if (n === 0) index.add(0, 0, 0, 0);
    index.finish();

    const { minX, minY, maxX, maxY } = index;
    const w = Math.max(maxX - minX, 1e-9), h = Math.max(maxY - minY, 1e-9);
    const cells = Math.max(1, n * 4);
    const cols = Math.max(1, Math.round(Math.sqrt((cells * w) / h))), rows = Math.max(1, Math.ceil(cells / cols));
    const cw = w / cols, ch = h / rows;
    // Pad each cell a little so a point that rounds into a neighbouring cell still finds its grid.
    const padX = cw * 1e-6, padY = ch * 1e-6;
    const cellStart = new Int32Array(cols * rows + 1);
    const lists: Int32Array[] = [];
    for (let cy = 0; cy < rows; cy++) {
      for (let cx = 0; cx < cols; cx++) {
        const x0 = minX + cx * cw, y0 = minY + cy * ch;
        const found = n === 0 ? [] : index.search(x0 - padX, y0 - padY, x0 + cw + padX, y0 + ch + padY);
        const list = Int32Array.from(found).sort();
        cellStart[cy * cols + cx + 1] = (cellStart[cy * cols + cx] as number) + list.length;
        lists.push(list);
      }
    }
    const cellItems = new Int32Array(cellStart[cols * rows] as number);
    lists.forEach((list, c) => cellItems.set(list, cellStart[c] as number));
    const results = sorted.map((g) => Object.freeze({ id: g.id, code: g.code }));
    const frame = Float64Array.of(minX, minY, 1 / cw, 1 / ch);
    return new GridLocator(results, sorted.map((g) => g.polygon), coords, ringStart, gridRingStart, boxes, frame, cols, rows, cellStart, cellItems);
  }

  get size(): number { return this.results.length; }

  /** The grid containing the point (boundary included); on shared edges the smallest code wins. */
  locate(lng: number, lat: number): LocatedGrid | null {
    const f = this.frame;
    let cx = Math.floor((lng - (f[0] as number)) * (f[2] as number));
    let cy = Math.floor((lat - (f[1] as number)) * (f[3] as number));
    if (!(cx >= -1 && cy >= -1 && cx <= this.cols && cy <= this.rows)) return null; // also NaN
    // Points on the frame's far edge compute to cols/rows; clamp (boxes are re-checked below).
    cx = cx < 0 ? 0 : cx >= this.cols ? this.cols - 1 : cx;
    cy = cy < 0 ? 0 : cy >= this.rows ? this.rows - 1 : cy;
    const cell = cy * this.cols + cx, b = this.boxes;
    for (let k = this.cellStart[cell] as number, end = this.cellStart[cell + 1] as number; k < end; k++) {
      const g = this.cellItems[k] as number, o = g * 4;
      if (lng < (b[o] as number) || lat < (b[o + 1] as number) || lng > (b[o + 2] as number) || lat > (b[o + 3] as number)) continue;
      if (this.contains(g, lng, lat)) return this.results[g] as LocatedGrid;
    }
    return null;
  }

  /**
   * Crossing-number test of grid g, boundary included. It is point-in-polygon-hao's algorithm
   * (what turf runs) over flat arrays: coordinates are taken relative to the point, and the edge
   * orientation goes through the same floating-point filter as robust-predicates' orient2d.
   * Only when that filter cannot vouch for the sign (a point within ~1e-16 of a slanted edge's
   * line) does it hand this grid to turf itself, so both always give the same answer.
   */
  private contains(g: number, x: number, y: number): boolean {
    const c = this.coords;
    let k = 0;
    for (let r = this.gridRingStart[g] as number, rEnd = this.gridRingStart[g + 1] as number; r < rEnd; r++) {
      const start = this.ringStart[r] as number, last = (this.ringStart[r + 1] as number) - 1;
      let u1 = (c[2 * start] as number) - x, v1 = (c[2 * start + 1] as number) - y;
      for (let i = start + 1; i <= last; i++) {
        const u2 = (c[2 * i] as number) - x, v2 = (c[2 * i + 1] as number) - y;
        if (v1 === 0 && v2 === 0) {
          if ((u2 <= 0 && u1 >= 0) || (u1 <= 0 && u2 >= 0)) return true; // on a horizontal edge
        } else if ((v2 >= 0 && v1 <= 0) || (v2 <= 0 && v1 >= 0)) {
          const detLeft = u2 * v1, detRight = u1 * v2, f = detLeft - detRight;
          if (Math.abs(f) < ORIENT_ERR_BOUND * Math.abs(detLeft + detRight)) {
            return booleanPointInPolygon([x, y], this.polygons[g] as GeoArea);
          }
          if (f === 0) return true; // on the edge
          if ((f > 0 && v2 > 0 && v1 <= 0) || (f < 0 && v2 <= 0 && v1 > 0)) k++;
        }
        u1 = u2;
        v1 = v2;
      }
    }
    return (k & 1) === 1;
  }
}
