import type { MapLayers } from '../../../contracts/analytics.ts';
import type { Project } from '../grid-map/projection';

export const CASE_COLOURS = { overdue: '#cf1322', open: '#fa8c16', done: '#52c41a' } as const;

/** A grid path's last id is the grid's id ('/1/7/42/300/' → 300). */
export const gridIdOf = (path: string) => Number(path.split('/').filter(Boolean).at(-1));

/**
 * Points batched into one SVG path per colour ("M x y h0" with round caps draws a dot): 10,000
 * cases are three DOM nodes instead of 10,000, so zooming and panning stay smooth.
 */
export function casePaths(cases: MapLayers['cases'], project: Project): Record<keyof typeof CASE_COLOURS, string> {
  const parts: Record<keyof typeof CASE_COLOURS, string[]> = { overdue: [], open: [], done: [] };
  for (const c of cases) {
    const [x, y] = project([c.lng, c.lat]);
    const kind = c.overdue ? 'overdue' : ['closed', 'rated', 'rejected', 'merged'].includes(c.state) ? 'done' : 'open';
    parts[kind].push(`M${x.toFixed(1)} ${y.toFixed(1)}h0`);
  }
  return { overdue: parts.overdue.join(''), open: parts.open.join(''), done: parts.done.join('') };
}

export function dotsPath(points: { lng: number; lat: number }[], project: Project): string {
  return points.map((p) => { const [x, y] = project([p.lng, p.lat]); return `M${x.toFixed(1)} ${y.toFixed(1)}h0`; }).join('');
}

/** Heat: a grid's open cases as red opacity against the busiest grid. */
export function heatOf(layers: MapLayers): Map<number, number> {
  const max = Math.max(1, ...layers.grids.map((g) => g.open));
  return new Map(layers.grids.map((g) => [gridIdOf(g.path), g.open / max]));
}
