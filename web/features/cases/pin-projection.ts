import { bboxOf, fitProjection, type Point, type Project } from '../grid-map/projection';
import type { Position } from '../grid-map/types';

export interface PinProjection {
  project: Project;
  invert: (p: Point) => Position;
}

/**
 * The grid map's own projection (same bbox, same default padding as buildShapes, so pins sit on
 * the drawn polygons) plus its inverse. The projection is affine per axis, so two projected
 * points fix the inverse exactly.
 */
export function pinProjection(
  geometries: Parameters<typeof bboxOf>[0],
  width: number,
  height: number,
): PinProjection | null {
  const bbox = bboxOf(geometries);
  if (!bbox) return null;
  const project = fitProjection(bbox, width, height);
  const [x0, y0] = project([bbox.minLng, bbox.minLat]);
  const [x1, y1] = project([bbox.maxLng, bbox.maxLat]);
  const lngPerX = x1 === x0 ? 0 : (bbox.maxLng - bbox.minLng) / (x1 - x0);
  const latPerY = y1 === y0 ? 0 : (bbox.maxLat - bbox.minLat) / (y1 - y0);
  const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
  return {
    project,
    invert: ([x, y]) => [round6(bbox.minLng + (x - x0) * lngPerX), round6(bbox.minLat + (y - y0) * latPerY)],
  };
}
