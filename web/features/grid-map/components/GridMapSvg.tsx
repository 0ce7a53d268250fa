import { useMemo, useRef, useState } from 'react';
import { useElementSize } from '../../../shared/use-element-size';
import { buildShapes, type GridShape } from '../shapes';
import type { GridFeature, OutlineFeature } from '../types';
import { useZoomPan } from '../use-zoom-pan';
import { useDebouncedValue } from '../../../shared/use-debounced-value';
import { GridLabels, GridLayer } from './GridShapes';
import { MapControls } from './MapControls';
import { HoverCard } from './HoverCard';
import { BoundaryEditor } from './BoundaryEditor';
import type { Draft } from '../edit/boundary-draft';
import type { Position } from '../types';
import './grid-map.css';

interface Props {
  features: GridFeature[];
  outline: OutlineFeature | null;
  selectedId: number | null;
  onSelect: (id: number) => void;
  /** The selected grid's boundary being edited, if any. */
  editor?: { draft: Draft; crossings: Position[]; onChange: (d: Draft) => void } | null;
}

/** The grids as SVG polygons on a plain background: no tiles, so it works without network. */
export function GridMapSvg({ features, outline, selectedId, onSelect, editor }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const size = useElementSize(containerRef);
  const { svgRef, view, handlers, zoomCentre, reset } = useZoomPan();
  const [hovered, setHovered] = useState<GridShape | null>(null);

  const shapes = useMemo(
    () => (size ? buildShapes(features, outline, size.width, size.height) : null),
    [features, outline, size],
  );
  const selected = shapes?.grids.find((g) => g.id === selectedId) ?? null;
  // Re-laying out hundreds of labels on every wheel step stutters; they scale with the
  // transform while the gesture lasts and settle to their screen size right after.
  const labelZoom = useDebouncedValue(view.k, 150);

  return (
    <div ref={containerRef} className="gh-map">
      <svg
        ref={svgRef}
        width={size?.width ?? 0}
        height={size?.height ?? 0}
        role="group"
        aria-label="网格地图"
        {...handlers}
      >
        {shapes && (
          <g transform={`translate(${view.x} ${view.y}) scale(${view.k})`}>
            {shapes.outline && <path className="gh-outline" d={shapes.outline} />}
            <GridLayer grids={shapes.grids} selectedId={selectedId} onSelect={onSelect} onHover={setHovered} />
            {selected && !editor && <path className="gh-selection" d={selected.d} />}
            <GridLabels shapes={shapes.grids} zoom={labelZoom} />
            {editor && (
              <BoundaryEditor
                {...editor}
                project={shapes.project}
                unproject={shapes.unproject}
                view={view}
                svgRef={svgRef}
              />
            )}
          </g>
        )}
      </svg>
      <MapControls onZoomIn={() => zoomCentre(1.5)} onZoomOut={() => zoomCentre(1 / 1.5)} onReset={reset} />
      {hovered && <HoverCard grid={hovered.props} />}
      {shapes && shapes.communities.length > 1 && (
        <div className="gh-legend">
          {shapes.communities.map((c) => (
            <span key={c.id}>
              <i style={{ background: c.fill }} />
              {c.name}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}
