/**
 * Snapping of imported boundaries ("拓扑修正"): surveyed or digitised neighbourhood polygons
 * rarely share their borders exactly; neighbours overlap or leave slivers of a few m² between
 * them. Below `toleranceM2` such a defect is drawing noise and is repaired instead of refused:
 *  - an overlap with an earlier area (one not in the file, or earlier in the file) is cut from
 *    the later one, as is a small part reaching outside the parent;
 *  - a gap inside the parent is given to the imported area sharing the longest border with it.
 * Larger overlaps and overreaches are errors; larger gaps are only reported (a community may be
 * divided into grids over several imports).
 */
import { area } from '@turf/area';
import { difference } from '@turf/difference';
import { featureCollection } from '@turf/helpers';
import { feature, intersection } from '../geo/overlap.ts';
import { partsOf, type GeoArea } from '../geo/types.ts';
import { minus, NOISE_M2, plus, tidy, within } from './geometry-ops.ts';
import { sharedBorderM } from './shared-border.ts';

export interface SnapItem {
  label: string;
  geometry: GeoArea;
  /** in the file (may change) or an existing neighbour (never changes) */ imported: boolean;
}
export interface SnapOutcome {
  geometry: GeoArea | null;
  cutM2: number;
  filledM2: number;
  messages: string[];
  errors: string[];
}

const m2 = (v: number) => (v < 10 ? Math.round(v * 10) / 10 : Math.round(v));

export function snapBoundaries(
  items: readonly SnapItem[],
  parent: { label: string; geometry: GeoArea | null },
  toleranceM2: number,
): { outcomes: SnapOutcome[]; warnings: string[] } {
  const outcomes: SnapOutcome[] = items.map((it) => ({
    geometry: it.geometry,
    cutM2: 0,
    filledM2: 0,
    messages: [],
    errors: [],
  }));
  // Existing neighbours first: they are the reference the file is fitted against.
  const order = [...items.keys()].sort((a, b) => Number(items[a]!.imported) - Number(items[b]!.imported));
  const placed: number[] = [];
  for (const i of order) {
    const item = items[i]!,
      out = outcomes[i]!;
    if (item.imported) {
      let g: GeoArea | null = item.geometry;
      if (parent.geometry) {
        const outside = minus(g, parent.geometry);
        const outsideM2 = outside ? area(outside as never) : 0;
        if (outsideM2 >= toleranceM2)
          out.errors.push(`超出${parent.label}边界约 ${m2(outsideM2)} 平方米（超过容差 ${toleranceM2} 平方米）`);
        else if (outsideM2 >= NOISE_M2) {
          g = within(g, parent.geometry);
          out.cutM2 += outsideM2;
          out.messages.push(`超出${parent.label}边界 ${m2(outsideM2)} 平方米，已裁去`);
        }
      }
      for (const j of placed) {
        const other = outcomes[j]!.geometry;
        if (!g || !other) continue;
        const hit = intersection(g, other, NOISE_M2);
        if (!hit) continue;
        if (hit.areaM2 >= toleranceM2) {
          out.errors.push(`与${items[j]!.label}重叠约 ${m2(hit.areaM2)} 平方米（超过容差 ${toleranceM2} 平方米）`);
          continue;
        }
        g = minus(g, other);
        out.cutM2 += hit.areaM2;
        out.messages.push(`与${items[j]!.label}重叠 ${m2(hit.areaM2)} 平方米，已从本边界裁去`);
      }
      if (!g) out.errors.push('修正后边界为空');
      out.geometry = g;
    }
    placed.push(i);
  }
  return {
    outcomes,
    warnings: parent.geometry
      ? fillGaps(items, outcomes, parent as { label: string; geometry: GeoArea }, toleranceM2)
      : [],
  };
}

/** Gives each small gap inside the parent to the imported neighbour with the longest shared border. */
function fillGaps(
  items: readonly SnapItem[],
  outcomes: SnapOutcome[],
  parent: { label: string; geometry: GeoArea },
  toleranceM2: number,
): string[] {
  const warnings: string[] = [];
  const present = outcomes.map((o) => o.geometry).filter((g): g is GeoArea => g !== null);
  if (present.length === 0) return warnings;
  const rest = tidy(
    (difference(featureCollection([feature(parent.geometry), ...present.map(feature)]))?.geometry ??
      null) as GeoArea | null,
  );
  for (const rings of rest ? partsOf(rest) : []) {
    const gap: GeoArea = { type: 'Polygon', coordinates: rings };
    const gapM2 = area(gap as never);
    if (gapM2 >= toleranceM2) {
      warnings.push(`${parent.label}内有约 ${m2(gapM2)} 平方米未被覆盖（超过容差 ${toleranceM2} 平方米，未自动补齐）`);
      continue;
    }
    let best = -1,
      bestM = 0;
    outcomes.forEach((o, i) => {
      if (!items[i]!.imported || !o.geometry || o.errors.length) return;
      const shared = sharedBorderM(gap, o.geometry);
      if (shared > bestM) [best, bestM] = [i, shared];
    });
    if (best < 0) {
      warnings.push(`${parent.label}内有 ${m2(gapM2)} 平方米的缝隙不与本次导入的边界相邻，未自动补齐`);
      continue;
    }
    const o = outcomes[best]!;
    o.geometry = plus(o.geometry!, gap);
    o.filledM2 += gapM2;
    o.messages.push(`补入与相邻边界之间的缝隙 ${m2(gapM2)} 平方米`);
  }
  return warnings;
}
