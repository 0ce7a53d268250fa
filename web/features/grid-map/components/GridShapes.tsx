import { memo, type KeyboardEvent } from 'react';
import type { GridShape } from '../shapes';

interface ShapeProps {
  shape: GridShape;
  selected: boolean;
  onSelect: (id: number) => void;
  onHover: (shape: GridShape | null) => void;
}

/**
 * One grid polygon. Memoised: with ~500 grids, a hover or a selection re-renders only the
 * shapes whose props changed, and the path strings themselves are computed once per size.
 */
export const GridPath = memo(function GridPath({ shape, selected, onSelect, onHover }: ShapeProps) {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(shape.id);
    }
  };
  return (
    <path
      className="gh-grid"
      d={shape.d}
      fill={shape.fill}
      fillRule="evenodd"
      data-grid-code={shape.props.code}
      data-grid-id={shape.id}
      role="button"
      tabIndex={0}
      aria-label={shape.props.name}
      aria-pressed={selected}
      onClick={() => onSelect(shape.id)}
      onKeyDown={onKeyDown}
      onMouseEnter={() => onHover(shape)}
      onMouseLeave={() => onHover(null)}
      onFocus={() => onHover(shape)}
      onBlur={() => onHover(null)}
    />
  );
});

interface LayerProps {
  grids: GridShape[];
  selectedId: number | null;
  onSelect: (id: number) => void;
  onHover: (shape: GridShape | null) => void;
}

/** All polygons. Memoised as a whole: zooming and panning change only the parent's transform. */
export const GridLayer = memo(function GridLayer({ grids, selectedId, onSelect, onHover }: LayerProps) {
  return grids.map((g) => (
    <GridPath key={g.id} shape={g} selected={g.id === selectedId} onSelect={onSelect} onHover={onHover} />
  ));
});

/** Names at a constant screen size, only where the grid is wide enough on screen to hold them. */
export const GridLabels = memo(function GridLabels({ shapes, zoom }: { shapes: GridShape[]; zoom: number }) {
  const fontSize = 12 / zoom;
  return (
    <g className="gh-grid-labels" fontSize={fontSize} strokeWidth={3 / zoom} aria-hidden="true">
      {shapes
        .filter((s) => s.width * zoom >= s.props.name.length * 12 + 8)
        .map((s) => (
          <text key={s.id} x={s.label[0]} y={s.label[1]}>
            {s.props.name}
          </text>
        ))}
    </g>
  );
});
