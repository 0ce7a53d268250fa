import { useCallback, useMemo, useRef, type MouseEvent } from 'react';
import { useElementSize } from '../../../shared/use-element-size';
import { buildShapes, drawable } from '../../grid-map/shapes';
import { GridLabels, GridPath } from '../../grid-map/components/GridShapes';
import { MapControls } from '../../grid-map/components/MapControls';
import { useZoomPan } from '../../grid-map/use-zoom-pan';
import type { GridFeature } from '../../grid-map/types';
import '../../grid-map/components/grid-map.css';
import { pinProjection } from '../pin-projection';

export interface Pin {
  lng: number;
  lat: number;
}

interface Props {
  features: GridFeature[];
  pin: Pin | null;
  onPin: (pin: Pin) => void;
}

const noop = () => undefined;

/**
 * The grid map's drawing (shapes, zoom and pan, controls) with a pin: a click anywhere drops it
 * at that point; Enter on a focused grid drops it at the grid's label point.
 */
export function PinMap({ features, pin, onPin }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const size = useElementSize(containerRef);
  const { svgRef, view, handlers, zoomCentre, reset } = useZoomPan();

  const shapes = useMemo(() => (size ? buildShapes(features, null, size.width, size.height) : null), [features, size]);
  const projection = useMemo(
    () =>
      size
        ? pinProjection(
            features.filter(drawable).map((f) => f.geometry),
            size.width,
            size.height,
          )
        : null,
    [features, size],
  );

  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    if (!projection) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const x = (e.clientX - rect.left - view.x) / view.k;
    const y = (e.clientY - rect.top - view.y) / view.k;
    const [lng, lat] = projection.invert([x, y]);
    onPin({ lng, lat });
  };
  const onGridKey = useCallback(
    (id: number) => {
      const shape = shapes?.grids.find((g) => g.id === id);
      if (!shape || !projection) return;
      const [lng, lat] = projection.invert(shape.label);
      onPin({ lng, lat });
    },
    [shapes, projection, onPin],
  );
  const at = pin && projection ? projection.project([pin.lng, pin.lat]) : null;

  return (
    <div ref={containerRef} className="gh-map" style={{ height: 280 }}>
      <svg
        ref={svgRef}
        width={size?.width ?? 0}
        height={size?.height ?? 0}
        role="group"
        aria-label="点击地图选择问题位置"
        {...handlers}
        onClick={onClick}
        style={{ cursor: 'crosshair' }}
      >
        {shapes && (
          <g transform={`translate(${view.x} ${view.y}) scale(${view.k})`}>
            {shapes.grids.map((g) => (
              <GridPath key={g.id} shape={g} selected={false} onSelect={onGridKey} onHover={noop} />
            ))}
            <GridLabels shapes={shapes.grids} zoom={view.k} />
            {at && (
              <g
                transform={`translate(${at[0]} ${at[1]}) scale(${1 / view.k})`}
                data-testid="case-pin"
                pointerEvents="none"
              >
                <path d="M0 0 L-7 -14 A8 8 0 1 1 7 -14 Z" fill="#c8161d" stroke="#fff" strokeWidth={1.5} />
                <circle cy={-18} r={3} fill="#fff" />
              </g>
            )}
          </g>
        )}
      </svg>
      <MapControls onZoomIn={() => zoomCentre(1.5)} onZoomOut={() => zoomCentre(1 / 1.5)} onReset={reset} />
    </div>
  );
}
