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
 * Each grid's edges are also filed in horizontal bands: real boundaries follow streets with
 * 120–350 vertices, and a crossing test needs only the edges whose y-range holds the point's y
 * (a scan of every edge ran at ~0.3 M points/s on such grids, bench/grid-lookup).
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import { partsOf, polygonBBox, type GeoArea } from './types.ts';

// Shewchuk's error bound for the non-robust orient2d: (3 + 16ε)ε with ε = 2^-53.
const ORIENT_ERR_BOUND = (3 + 16 * 1.1102230246251565e-16) * 1.1102230246251565e-16;

/** polygon: a Polygon or a MultiPolygon; a point in any part (not in its holes) is in the grid. */
export interface LocatorGrid {
  id: number;
  code: string;
  polygon: GeoArea;
}
export interface LocatedGrid {
  readonly id: number;
  readonly code: string;
}

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
    private readonly bands: EdgeBands,
  ) {}

  static build(grids: readonly LocatorGrid[]): GridLocator {
    const sorted = [...grids].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.id - b.id));
    const n = sorted.length;
    const ringsOf = (g: LocatorGrid) => partsOf(g.polygon).flat();
    const ringCount = sorted.reduce((s, g) => s + ringsOf(g).length, 0);
    const vertexCount = sorted.reduce((s, g) => s + ringsOf(g).reduce((t, r) => t + r.length, 0), 0);
    const coords = new Float64Array(vertexCount * 2);
    const ringStart = new Int32Array(ringCount + 1),
      gridRingStart = new Int32Array(n + 1);
    const boxes = new Float64Array(n * 4);
    const index = new Flatbush(Math.max(1, n));
    let v = 0,
      r = 0;
    sorted.forEach((g, i) => {
      gridRingStart[i] = r;
      // All rings of all parts in one list: parts do not overlap, so the crossing count over every
      // ring is odd exactly inside one part and outside its holes.
      for (const ring of ringsOf(g)) {
        ringStart[r++] = v;
        for (const [x, y] of ring) {
          coords[v * 2] = x;
          coords[v * 2 + 1] = y;
          v++;
        }
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
    const w = Math.max(maxX - minX, 1e-9),
      h = Math.max(maxY - minY, 1e-9);
    const cells = Math.max(1, n * 4);
    const cols = Math.max(1, Math.round(Math.sqrt((cells * w) / h))),
      rows = Math.max(1, Math.ceil(cells / cols));
    const cw = w / cols,
      ch = h / rows;
    // Pad each cell a little so a point that rounds into a neighbouring cell still finds its grid.
    const padX = cw * 1e-6,
      padY = ch * 1e-6;
    const cellStart = new Int32Array(cols * rows + 1);
    const lists: Int32Array[] = [];
    for (let cy = 0; cy < rows; cy++) {
      for (let cx = 0; cx < cols; cx++) {
        const x0 = minX + cx * cw,
          y0 = minY + cy * ch;
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
    const bands = buildEdgeBands(coords, ringStart, gridRingStart, boxes);
    return new GridLocator(
      results,
      sorted.map((g) => g.polygon),
      coords,
      ringStart,
      gridRingStart,
      boxes,
      frame,
      cols,
      rows,
      cellStart,
      cellItems,
      bands,
    );
  }

  get size(): number {
    return this.results.length;
  }

  /** The grid containing the point (boundary included); on shared edges the smallest code wins. */
  locate(lng: number, lat: number): LocatedGrid | null {
    const f = this.frame;
    let cx = Math.floor((lng - (f[0] as number)) * (f[2] as number));
    let cy = Math.floor((lat - (f[1] as number)) * (f[3] as number));
    if (!(cx >= -1 && cy >= -1 && cx <= this.cols && cy <= this.rows)) return null; // also NaN
    // Points on the frame's far edge compute to cols/rows; clamp (boxes are re-checked below).
    cx = cx < 0 ? 0 : cx >= this.cols ? this.cols - 1 : cx;
    cy = cy < 0 ? 0 : cy >= this.rows ? this.rows - 1 : cy;
    const cell = cy * this.cols + cx,
      b = this.boxes;
    for (let k = this.cellStart[cell] as number, end = this.cellStart[cell + 1] as number; k < end; k++) {
      const g = this.cellItems[k] as number,
        o = g * 4;
      if (
        lng < (b[o] as number) ||
        lat < (b[o + 1] as number) ||
        lng > (b[o + 2] as number) ||
        lat > (b[o + 3] as number)
      )
        continue;
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
    const c = this.coords,
      { gridBandStart, bandInv, bandStart, bandEdges } = this.bands;
    const first = gridBandStart[g] as number,
      count = (gridBandStart[g + 1] as number) - first;
    let band = Math.floor((y - (this.boxes[g * 4 + 1] as number)) * (bandInv[g] as number));
    band = first + (band < 0 ? 0 : band >= count ? count - 1 : band);
    let k = 0;
    for (let j = bandStart[band] as number, end = bandStart[band + 1] as number; j < end; j++) {
      const i = bandEdges[j] as number; // the edge from vertex i to vertex i + 1 of the same ring
      const u1 = (c[2 * i] as number) - x,
        v1 = (c[2 * i + 1] as number) - y;
      const u2 = (c[2 * i + 2] as number) - x,
        v2 = (c[2 * i + 3] as number) - y;
      if (v1 === 0 && v2 === 0) {
        if ((u2 <= 0 && u1 >= 0) || (u1 <= 0 && u2 >= 0)) return true; // on a horizontal edge
      } else if ((v2 >= 0 && v1 <= 0) || (v2 <= 0 && v1 >= 0)) {
        const detLeft = u2 * v1,
          detRight = u1 * v2,
          f = detLeft - detRight;
        if (Math.abs(f) < ORIENT_ERR_BOUND * Math.abs(detLeft + detRight)) {
          return booleanPointInPolygon([x, y], this.polygons[g] as GeoArea);
        }
        if (f === 0) return true; // on the edge
        if ((f > 0 && v2 > 0 && v1 <= 0) || (f < 0 && v2 <= 0 && v1 > 0)) k++;
      }
    }
    return (k & 1) === 1;
  }
}

/** Per grid, its ring edges filed by the horizontal bands (of its bounding box) their y-range touches. */
interface EdgeBands {
  gridBandStart: Int32Array; // first band of grid g; gridBandStart[g + 1] ends it
  bandInv: Float64Array; // bands per degree of latitude, per grid
  bandStart: Int32Array; // offset of band b in bandEdges; bandStart[b + 1] ends it
  bandEdges: Int32Array; // first vertex of each edge (the edge runs to the next vertex)
}

/** About this many edges per band on average: a point's band then holds a handful of edges. */
const EDGES_PER_BAND = 4;

/**
 * Files every edge in each band from floor((lo − minY)·inv) to floor((hi − minY)·inv): a point
 * computes its band with the same monotonic formula, so every edge whose y-range contains the
 * point's y is in the point's band — the crossing count over the band equals the one over the ring.
 */
function buildEdgeBands(
  coords: Float64Array,
  ringStart: Int32Array,
  gridRingStart: Int32Array,
  boxes: Float64Array,
): EdgeBands {
  const n = gridRingStart.length - 1;
  const gridBandStart = new Int32Array(n + 1),
    bandInv = new Float64Array(n);
  const lists: number[][] = [];
  for (let g = 0; g < n; g++) {
    const rStart = gridRingStart[g] as number,
      rEnd = gridRingStart[g + 1] as number;
    const edges = (ringStart[rEnd] as number) - (ringStart[rStart] as number) - (rEnd - rStart);
    const count = Math.max(1, Math.ceil(edges / EDGES_PER_BAND));
    const minY = boxes[g * 4 + 1] as number,
      height = (boxes[g * 4 + 3] as number) - minY;
    const inv = height > 0 ? count / height : 0;
    gridBandStart[g] = lists.length;
    bandInv[g] = inv;
    const bands: number[][] = Array.from({ length: count }, () => []);
    const bandOf = (y: number) => {
      const b = Math.floor((y - minY) * inv);
      return b < 0 ? 0 : b >= count ? count - 1 : b;
    };
    for (let r = rStart; r < rEnd; r++) {
      for (let i = ringStart[r] as number, last = (ringStart[r + 1] as number) - 1; i < last; i++) {
        const y1 = coords[2 * i + 1] as number,
          y2 = coords[2 * i + 3] as number;
        for (let b = bandOf(Math.min(y1, y2)), bEnd = bandOf(Math.max(y1, y2)); b <= bEnd; b++) bands[b]!.push(i);
      }
    }
    lists.push(...bands);
  }
  gridBandStart[n] = lists.length;
  const bandStart = new Int32Array(lists.length + 1);
  lists.forEach((list, b) => {
    bandStart[b + 1] = (bandStart[b] as number) + list.length;
  });
  const bandEdges = new Int32Array(bandStart[lists.length] as number);
  lists.forEach((list, b) => bandEdges.set(list, bandStart[b] as number));
  return { gridBandStart, bandInv, bandStart, bandEdges };
}
