/**
 * A grid boundary being edited in the browser: every ring of every part as an open list of
 * vertices (the closing point is implied), with the edits the map offers and a live check for
 * crossing edges, so the user sees a self-intersection before the server refuses it.
 */
import type { Geometry, Position } from '../types';

export type Draft = Position[][][]; // parts → rings → vertices (open)
export interface VertexRef {
  part: number;
  ring: number;
  index: number;
}

export function draftOf(geometry: Geometry): Draft {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return parts.map((rings) =>
    rings.map((ring) => {
      const open = ring.slice(0, -1);
      const [first, last] = [ring[0], ring[ring.length - 1]];
      return first && last && (first[0] !== last[0] || first[1] !== last[1]) ? [...ring] : open;
    }),
  );
}

export function geometryOf(draft: Draft): Geometry {
  const parts = draft.map((rings) => rings.map((ring) => [...ring, ring[0]!]));
  return parts.length === 1
    ? { type: 'Polygon', coordinates: parts[0]! }
    : { type: 'MultiPolygon', coordinates: parts };
}

const edit = (draft: Draft, { part, ring }: VertexRef, change: (r: Position[]) => Position[]): Draft =>
  draft.map((rings, p) => (p !== part ? rings : rings.map((r, k) => (k === ring ? change(r) : r))));

export const moveVertex = (draft: Draft, at: VertexRef, to: Position): Draft =>
  edit(draft, at, (r) => r.map((v, i) => (i === at.index ? to : v)));

/** Inserts a vertex after `at.index` (on the edge from it to the next vertex). */
export const insertVertex = (draft: Draft, at: VertexRef, p: Position): Draft =>
  edit(draft, at, (r) => [...r.slice(0, at.index + 1), p, ...r.slice(at.index + 1)]);

/** Removes a vertex; a ring keeps at least 3 (returns null when that would break the ring). */
export function removeVertex(draft: Draft, at: VertexRef): Draft | null {
  const ring = draft[at.part]?.[at.ring];
  if (!ring || ring.length <= 3) return null;
  return edit(draft, at, (r) => r.filter((_, i) => i !== at.index));
}

export const midpoint = (a: Position, b: Position): Position => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];

function crossing(a: Position, b: Position, c: Position, d: Position): Position | null {
  const r = [b[0] - a[0], b[1] - a[1]],
    s = [d[0] - c[0], d[1] - c[1]];
  const den = r[0]! * s[1]! - r[1]! * s[0]!;
  if (den === 0) return null; // parallel: touching collinear edges are left to the server's check
  const t = ((c[0] - a[0]) * s[1]! - (c[1] - a[1]) * s[0]!) / den;
  const u = ((c[0] - a[0]) * r[1]! - (c[1] - a[1]) * r[0]!) / den;
  const eps = 1e-12;
  return t > eps && t < 1 - eps && u > eps && u < 1 - eps ? [a[0] + t * r[0]!, a[1] + t * r[1]!] : null;
}

/** Points where two edges of the same part cross (rings of one polygon must not cross). */
export function selfIntersections(draft: Draft): Position[] {
  const hits: Position[] = [];
  for (const rings of draft) {
    const edges = rings.flatMap((ring) => ring.map((v, i) => [v, ring[(i + 1) % ring.length]!] as const));
    for (let i = 0; i < edges.length; i++) {
      for (let j = i + 1; j < edges.length; j++) {
        const hit = crossing(edges[i]![0], edges[i]![1], edges[j]![0], edges[j]![1]);
        if (hit) hits.push(hit);
        if (hits.length >= 20) return hits;
      }
    }
  }
  return hits;
}
