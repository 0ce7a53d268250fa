import { useMemo, useRef } from 'react';
import type { MapLayer, MapLayers } from '../../../../contracts/analytics.ts';
import { useElementSize } from '../../../shared/use-element-size';
import { GridLabels, GridLayer } from '../../grid-map/components/GridShapes';
import { bboxOf, fitProjection } from '../../grid-map/projection';
import { buildShapes, drawable } from '../../grid-map/shapes';
import type { GridFeature } from '../../grid-map/types';
import { useZoomPan } from '../../grid-map/use-zoom-pan';
import { CASE_COLOURS, casePaths, dotsPath, gridIdOf, heatOf } from '../layers';
import '../../grid-map/components/grid-map.css';

interface Props { features: GridFeature[]; layers: MapLayers; on: Set<MapLayer | 'heat'>; onSelect: (id: number) => void }

/** The grids (grid-map's shapes) with toggleable overlays drawn in the same projection and zoom. */
export function LayerMap({ features, layers, on, onSelect }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const size = useElementSize(ref);
  const { svgRef, view, handlers } = useZoomPan();
  const shapes = useMemo(() => (size ? buildShapes(features, null, size.width, size.height) : null), [features, size]);
  // buildShapes fits the same box the same way, so overlays share its projection.
  const project = useMemo(() => {
    const box = bboxOf(features.filter(drawable).map((f) => f.geometry));
    return box && size ? fitProjection(box, size.width, size.height) : null;
  }, [features, size]);
  const cases = useMemo(() => (project ? casePaths(layers.cases, project) : null), [layers.cases, project]);
  const components = useMemo(() => (project ? dotsPath(layers.components, project) : ''), [layers.components, project]);
  const heat = useMemo(() => heatOf(layers), [layers]);
  const counts = useMemo(() => new Map(layers.grids.map((g) => [gridIdOf(g.path), g])), [layers.grids]);
  const r = 3 / view.k;

  return (
    <div ref={ref} className="gh-map" style={{ height: '100%' }}>
      <svg ref={svgRef} width={size?.width ?? 0} height={size?.height ?? 0} role="group" aria-label="一张图" {...handlers}>
        {shapes && (
          <g transform={`translate(${view.x} ${view.y}) scale(${view.k})`}>
            <GridLayer grids={shapes.grids} selectedId={null} onSelect={onSelect} onHover={() => undefined} />
            {on.has('heat') && shapes.grids.map((g) => <path key={g.id} d={g.d} fill="#f5222d" fillOpacity={(heat.get(g.id) ?? 0) * 0.6} pointerEvents="none" />)}
            {on.has('cases') && cases && Object.entries(cases).map(([k, d]) => (
              <path key={k} d={d} stroke={CASE_COLOURS[k as keyof typeof CASE_COLOURS]} strokeWidth={r * 2} strokeLinecap="round" pointerEvents="none" data-testid={`case-dots-${k}`} />
            ))}
            {on.has('components') && <path d={components} stroke="#2f54eb" strokeWidth={r * 1.6} strokeLinecap="round" pointerEvents="none" />}
            <GridLabels shapes={shapes.grids} zoom={view.k} />
            {shapes.grids.map((g) => {
              const c = counts.get(g.id);
              const badge = [on.has('care') && c?.care ? `关怀${c.care}` : '', on.has('partyHouseholds') && c?.partyHouseholds ? `党员户${c.partyHouseholds}` : ''].filter(Boolean).join(' ');
              return badge ? <text key={g.id} x={g.label[0]} y={g.label[1] + 14 / view.k} fontSize={11 / view.k} textAnchor="middle" fill="#a8071a" pointerEvents="none">{badge}</text> : null;
            })}
          </g>
        )}
      </svg>
    </div>
  );
}
