/**
 * Turns WGS84 grid polygons into SVG path strings, fitted to a box. Equirectangular with the
 * longitude scaled by cos(latitude): at community scale (a few km) the distortion is invisible,
 * and it needs no tile server or projection library.
 */
import type { Geometry, Position } from './types';

export interface Bbox {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

export type Point = [number, number];
export type Project = (p: Position) => Point;

/** Every ring of a Polygon or MultiPolygon; the first ring of each polygon is its outer ring. */
export function polygonsOf(geometry: Geometry): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

export function bboxOf(geometries: Geometry[]): Bbox | null {
  let box: Bbox | null = null;
  for (const g of geometries) {
    for (const polygon of polygonsOf(g)) {
      for (const ring of polygon) {
        for (const [lng, lat] of ring) {
          if (!box) box = { minLng: lng, minLat: lat, maxLng: lng, maxLat: lat };
          else {
            box.minLng = Math.min(box.minLng, lng);
            box.maxLng = Math.max(box.maxLng, lng);
            box.minLat = Math.min(box.minLat, lat);
            box.maxLat = Math.max(box.maxLat, lat);
          }
        }
      }
    }
  }
  return box;
}

function fit(bbox: Bbox, width: number, height: number, padding: number) {
  const kx = Math.cos((((bbox.minLat + bbox.maxLat) / 2) * Math.PI) / 180);
  // A degenerate box (one point, one line) would divide by zero.
  const spanX = Math.max((bbox.maxLng - bbox.minLng) * kx, 1e-9);
  const spanY = Math.max(bbox.maxLat - bbox.minLat, 1e-9);
  const scale = Math.max(Math.min((width - 2 * padding) / spanX, (height - 2 * padding) / spanY), 0);
  return { kx, scale, offsetX: (width - spanX * scale) / 2, offsetY: (height - spanY * scale) / 2 };
}

/** A projection that fits `bbox` into width × height, centred, keeping the aspect ratio. */
export function fitProjection(bbox: Bbox, width: number, height: number, padding = 24): Project {
  const { kx, scale, offsetX, offsetY } = fit(bbox, width, height, padding);
  return ([lng, lat]) => [offsetX + (lng - bbox.minLng) * kx * scale, offsetY + (bbox.maxLat - lat) * scale];
}

/** The inverse of fitProjection with the same arguments: a point on the map back to [lng, lat]. */
export function fitUnprojection(bbox: Bbox, width: number, height: number, padding = 24): (p: Point) => Position {
  const { kx, scale, offsetX, offsetY } = fit(bbox, width, height, padding);
  return ([x, y]) => [bbox.minLng + (x - offsetX) / (kx * scale), bbox.maxLat - (y - offsetY) / scale];
}

const round = (n: number) => Math.round(n * 10) / 10;

/** SVG path data; holes are separate subpaths, drawn as holes with fill-rule="evenodd". */
export function pathOf(geometry: Geometry, project: Project): string {
  const parts: string[] = [];
  for (const polygon of polygonsOf(geometry)) {
    for (const ring of polygon) {
      ring.forEach((p, i) => {
        const [x, y] = project(p);
        parts.push(`${i === 0 ? 'M' : 'L'}${round(x)} ${round(y)}`);
      });
      parts.push('Z');
    }
  }
  return parts.join('');
}

/** Area of a projected ring (shoelace formula). */
function ringArea(points: Point[]): number {
  let a = 0;
  for (let i = 0; i < points.length; i++) {
    const [x0, y0] = points[i]!;
    const [x1, y1] = points[(i + 1) % points.length]!;
    a += x0 * y1 - x1 * y0;
  }
  return Math.abs(a / 2);
}

function inside([x, y]: Point, ring: Point[]): boolean {
  let hit = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

function distanceToRing([x, y]: Point, ring: Point[]): number {
  let best = Infinity;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [ax, ay] = ring[j]!;
    const [bx, by] = ring[i]!;
    const len2 = (bx - ax) ** 2 + (by - ay) ** 2;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / len2));
    best = Math.min(best, Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))));
  }
  return best;
}

const SAMPLES = 12;

/**
 * Where to put a grid's label: the sampled point of its largest outer ring farthest from the
 * border (a coarse "pole of inaccessibility"). The centroid of an L-shaped grid, drawn along
 * streets, can fall outside it or on its edge; this point cannot.
 */
export function labelAnchor(geometry: Geometry, project: Project): { at: Point; width: number } {
  let ring: Point[] | null = null;
  let area = -1;
  for (const polygon of polygonsOf(geometry)) {
    const outer = polygon[0];
    if (!outer || outer.length < 3) continue;
    const points = outer.map(project);
    const a = ringArea(points);
    if (a > area) [ring, area] = [points, a];
  }
  if (!ring) return { at: [0, 0], width: 0 };
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  let best: Point = [(minX + maxX) / 2, (minY + maxY) / 2];
  let bestDistance = inside(best, ring) ? distanceToRing(best, ring) : -1;
  for (let i = 1; i < SAMPLES; i++) {
    for (let j = 1; j < SAMPLES; j++) {
      const p: Point = [minX + ((maxX - minX) * i) / SAMPLES, minY + ((maxY - minY) * j) / SAMPLES];
      const d = inside(p, ring) ? distanceToRing(p, ring) : -1;
      if (d > bestDistance) [best, bestDistance] = [p, d];
    }
  }
  return { at: [round(best[0]), round(best[1])], width: maxX - minX };
}
