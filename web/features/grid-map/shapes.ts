import { bboxOf, fitProjection, fitUnprojection, labelAnchor, pathOf, type Point, type Project } from './projection';
import type { Position } from './types';
import type { GridFeature, GridProperties, OutlineFeature } from './types';

/** A grid ready to draw: everything that depends on the container size, computed once. */
export interface GridShape {
  id: number;
  props: GridProperties;
  d: string;
  fill: string;
  label: Point;
  /** Projected width at zoom 1, to decide whether the name fits. */
  width: number;
}

export interface MapShapes {
  grids: GridShape[];
  outline: string | null;
  /** Communities in colour order, for the legend when more than one is shown. */
  communities: { id: number; name: string; fill: string }[];
  /** The projection the paths were drawn with, and its inverse (for editing a boundary). */
  project: Project;
  unproject: (p: Point) => Position;
}

// Soft, distinguishable fills; the party red is reserved for the selection.
export const PALETTE = [
  '#91caff',
  '#b7eb8f',
  '#ffd591',
  '#d3adf7',
  '#87e8de',
  '#ffadd2',
  '#fff1b8',
  '#adc6ff',
  '#eaff8f',
  '#ffbb96',
];

type Drawable<T extends { geometry: unknown }> = T & { geometry: NonNullable<T['geometry']> };

/** Grids without a boundary yet cannot be drawn; the page still counts them. */
export function drawable<T extends { geometry: unknown }>(f: T): f is Drawable<T> {
  return f.geometry != null;
}

export function buildShapes(
  all: GridFeature[],
  outlineFeature: OutlineFeature | null,
  width: number,
  height: number,
): MapShapes {
  const features = all.filter(drawable);
  const outline = outlineFeature && drawable(outlineFeature) ? outlineFeature : null;
  const bbox = bboxOf([...features.map((f) => f.geometry), ...(outline ? [outline.geometry] : [])]);
  if (!bbox) return { grids: [], outline: null, communities: [], project: () => [0, 0], unproject: () => [0, 0] };
  const project = fitProjection(bbox, width, height);
  const unproject = fitUnprojection(bbox, width, height);

  const communityIds = [...new Set(features.map((f) => f.properties.communityId))];
  // One community: neighbouring grids need different colours. Several: colour by community,
  // so that community borders stand out at street and district level.
  const byCommunity = communityIds.length > 1;
  const colourOf = (f: GridFeature, i: number) =>
    PALETTE[(byCommunity ? communityIds.indexOf(f.properties.communityId) : i) % PALETTE.length]!;

  const grids = features.map((f, i): GridShape => {
    const anchor = labelAnchor(f.geometry, project);
    return {
      id: f.properties.id,
      props: f.properties,
      d: pathOf(f.geometry, project),
      fill: colourOf(f, i),
      label: anchor.at,
      width: anchor.width,
    };
  });
  const communities = byCommunity
    ? communityIds.map((id, i) => ({
        id,
        name: features.find((f) => f.properties.communityId === id)?.properties.communityName ?? '',
        fill: PALETTE[i % PALETTE.length]!,
      }))
    : [];
  return { grids, outline: outline ? pathOf(outline.geometry, project) : null, communities, project, unproject };
}
