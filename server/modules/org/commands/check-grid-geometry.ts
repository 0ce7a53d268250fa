import { and, eq, ne } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { validateGridPolygon } from '../geo/validate-polygon.ts';
import { findOverlaps } from '../geo/overlap.ts';
import { outsideParent } from '../geo/coverage.ts';
import { polygonBBox, type GeoArea } from '../geo/types.ts';
import { orgNodes, type OrgNodeRow } from '../schema.ts';

/** A sliver this small outside the community is drawing noise, not a real overreach. */
const OUTSIDE_TOLERANCE_M2 = 5;

/**
 * Validates a grid polygon against its community: well-formed, inside the community,
 * overlapping no sibling grid. Throws a 422 listing every problem; returns the polygon.
 */
export async function checkGridGeometry(
  tx: Queryable,
  input: unknown,
  community: OrgNodeRow,
  excludeGridId: number | null,
): Promise<GeoArea> {
  const result = validateGridPolygon(input, { path: 'geometry' });
  if (!result.ok)
    throw new AppError('VALIDATION_FAILED', {
      message: `网格边界无效：${result.errors.map((e) => e.message).join('；')}`,
      details: result.errors,
    });
  const polygon = result.polygon;
  const problems: { path: string; message: string }[] = [];
  if (community.geometry) {
    const outside = outsideParent(polygon, community.geometry as GeoArea, { toleranceM2: OUTSIDE_TOLERANCE_M2 });
    if (outside.areaM2 > 0)
      problems.push({
        path: 'geometry',
        message: `网格超出所属社区"${community.name}"边界约 ${Math.round(outside.areaM2)} 平方米`,
      });
  }
  const siblings = await tx
    .select({ id: orgNodes.id, code: orgNodes.code, geometry: orgNodes.geometry })
    .from(orgNodes)
    .where(
      and(
        eq(orgNodes.parentId, community.id),
        eq(orgNodes.level, 'grid'),
        excludeGridId ? ne(orgNodes.id, excludeGridId) : undefined,
      ),
    );
  const overlaps = findOverlaps(
    polygon,
    siblings.filter((s) => s.geometry).map((s) => ({ id: s.id, code: s.code, polygon: s.geometry as GeoArea })),
  );
  for (const hit of overlaps)
    problems.push({ path: 'geometry', message: `与网格 ${hit.code} 重叠约 ${Math.round(hit.areaM2)} 平方米` });
  if (problems.length)
    throw new AppError('VALIDATION_FAILED', {
      message: `网格边界无效：${problems.map((p) => p.message).join('；')}`,
      details: problems,
    });
  return polygon;
}

export function bboxColumns(polygon: GeoArea) {
  const [minLng, minLat, maxLng, maxLat] = polygonBBox(polygon);
  return { minLng, minLat, maxLng, maxLat };
}
