import type { MapLayers } from '../../../contracts/analytics.ts';
import type { Project } from '../grid-map/projection';

export const CASE_COLOURS = { overdue: '#cf1322', open: '#fa8c16', done: '#52c41a' } as const;

/** A grid path's last id is the grid's id ('/1/7/42/300/' → 300). */
export const gridIdOf = (path: string) => Number(path.split('/').filter(Boolean).at(-1));

export type CaseKind = keyof typeof CASE_COLOURS;
/** Drawn in this order: overdue last, so red stays on top where dots overlap. */
export const CASE_KINDS: CaseKind[] = ['done', 'open', 'overdue'];
const FINAL_STATES = new Set(['closed', 'rated', 'rejected', 'merged']);

export const caseKind = (c: MapLayers['cases'][number]): CaseKind =>
  c.overdue ? 'overdue' : FINAL_STATES.has(c.state) ? 'done' : 'open';

/** Points projected once per map size: x, y pairs at zoom 1, ready for the canvas to place at any view. */
export function projectPoints(points: { lng: number; lat: number }[], project: Project): Float32Array {
  const xy = new Float32Array(points.length * 2);
  points.forEach((p, i) => {
    [xy[2 * i], xy[2 * i + 1]] = project([p.lng, p.lat]);
  });
  return xy;
}

/** Case points split by colour (see CASE_KINDS), each projected as above. */
export function projectCases(cases: MapLayers['cases'], project: Project): Record<CaseKind, Float32Array> {
  const split: Record<CaseKind, MapLayers['cases']> = { overdue: [], open: [], done: [] };
  for (const c of cases) split[caseKind(c)].push(c);
  return {
    overdue: projectPoints(split.overdue, project),
    open: projectPoints(split.open, project),
    done: projectPoints(split.done, project),
  };
}

/** Heat: a grid's open cases as red opacity against the busiest grid. */
export function heatOf(layers: MapLayers): Map<number, number> {
  const max = Math.max(1, ...layers.grids.map((g) => g.open));
  return new Map(layers.grids.map((g) => [gridIdOf(g.path), g.open / max]));
}

/** A station's tooltip: name, opening hours, address, and whether the point is only estimated. */
export function stationTitle(s: MapLayers['stations'][number]): string {
  const where = s.located === 'community' ? `${s.address}（位置为社区中心，示意）` : s.address;
  return `${s.name}\n开放时间：${s.hours}\n地址：${where}`;
}
