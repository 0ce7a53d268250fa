import { useLayoutEffect, useMemo, useRef } from 'react';
import type { MapLayer, MapLayers } from '../../../../contracts/analytics.ts';
import { useElementSize } from '../../../shared/use-element-size';
import { GridLabels, GridLayer } from '../../grid-map/components/GridShapes';
import { bboxOf, fitProjection } from '../../grid-map/projection';
import { buildShapes, drawable } from '../../grid-map/shapes';
import type { GridFeature } from '../../grid-map/types';
import { dotSprite, drawDots } from '../dot-canvas';
import {
  CASE_COLOURS,
  CASE_KINDS,
  type CaseKind,
  gridIdOf,
  heatOf,
  projectCases,
  projectPoints,
  stationTitle,
} from '../layers';
import { useGestureView } from '../use-gesture-view';
import '../../grid-map/components/grid-map.css';
import './layer-map.css';

interface Props {
  features: GridFeature[];
  layers: MapLayers;
  on: Set<MapLayer | 'heat'>;
  onSelect: (id: number) => void;
}

const CASE_RADIUS = 3;
const COMPONENT_RADIUS = 2.4;
const COMPONENT_COLOUR = '#2f54eb';

/**
 * The grids (grid-map's shapes, SVG: clickable and focusable) with toggleable overlays in the same
 * projection: point layers on a canvas between the grids and the labels, markers and badges on
 * top. A gesture moves the whole stage by CSS transform; everything is drawn again once it ends.
 */
export function LayerMap({ features, layers, on, onSelect }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const size = useElementSize(ref);
  const { view, handlers } = useGestureView(ref, stageRef);
  const shapes = useMemo(() => (size ? buildShapes(features, null, size.width, size.height) : null), [features, size]);
  // buildShapes fits the same box the same way, so overlays share its projection.
  const project = useMemo(() => {
    const box = bboxOf(features.filter(drawable).map((f) => f.geometry));
    return box && size ? fitProjection(box, size.width, size.height) : null;
  }, [features, size]);
  const cases = useMemo(() => (project ? projectCases(layers.cases, project) : null), [layers.cases, project]);
  const components = useMemo(
    () => (project ? projectPoints(layers.components, project) : null),
    [layers.components, project],
  );
  const heat = useMemo(() => heatOf(layers), [layers]);
  const counts = useMemo(() => new Map(layers.grids.map((g) => [gridIdOf(g.path), g])), [layers.grids]);
  const stations = useMemo(
    () => (project ? layers.stations.map((s) => ({ ...s, at: project([s.lng, s.lat]) })) : []),
    [layers.stations, project],
  );
  const [showCases, showComponents] = [on.has('cases'), on.has('components')];
  const dpr = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  const sprites = useMemo(
    () => ({
      component: dotSprite(COMPONENT_COLOUR, COMPONENT_RADIUS, dpr),
      ...(Object.fromEntries(CASE_KINDS.map((k) => [k, dotSprite(CASE_COLOURS[k], CASE_RADIUS, dpr)])) as Record<
        CaseKind,
        HTMLCanvasElement
      >),
    }),
    [dpr],
  );

  // Before paint, in the same commit as the SVG layers' new view: the stage never shows them apart.
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || !size) return;
    const [bw, bh] = [Math.round(size.width * dpr), Math.round(size.height * dpr)];
    if (canvas.width !== bw || canvas.height !== bh) [canvas.width, canvas.height] = [bw, bh];
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, bw, bh);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    let drawnComponents = 0;
    if (showComponents && components) {
      drawnComponents = drawDots(
        ctx,
        components,
        view,
        size.width,
        size.height,
        sprites.component,
        2 * (COMPONENT_RADIUS + 1),
      );
    }
    let drawnCases = 0;
    if (showCases && cases) {
      for (const kind of CASE_KINDS)
        drawnCases += drawDots(ctx, cases[kind], view, size.width, size.height, sprites[kind], 2 * (CASE_RADIUS + 1));
    }
    // Canvas pixels have no DOM: what was drawn is stated here (tests read it; so can anyone).
    canvas.dataset.drawn = String(drawnCases);
    canvas.dataset.components = String(drawnComponents);
  }, [size, dpr, sprites, view, cases, components, showCases, showComponents]);

  const w = size?.width ?? 0;
  const h = size?.height ?? 0;
  const transform = `translate(${view.x} ${view.y}) scale(${view.k})`;
  return (
    <div ref={ref} className="gh-map gh-layer-map" role="group" aria-label="一张图" {...handlers}>
      <div ref={stageRef} className="gh-layer-stage" data-testid="map-stage">
        <svg width={w} height={h}>
          {shapes && (
            <g transform={transform}>
              <GridLayer grids={shapes.grids} selectedId={null} onSelect={onSelect} onHover={() => undefined} />
              {on.has('heat') &&
                shapes.grids.map((g) => (
                  <path
                    key={g.id}
                    d={g.d}
                    fill="#f5222d"
                    fillOpacity={(heat.get(g.id) ?? 0) * 0.6}
                    pointerEvents="none"
                  />
                ))}
            </g>
          )}
        </svg>
        <canvas ref={canvasRef} style={{ width: w, height: h }} data-testid="case-dots" aria-hidden="true" />
        <svg width={w} height={h} className="gh-layer-top">
          {shapes && (
            <g transform={transform}>
              <GridLabels shapes={shapes.grids} zoom={view.k} />
              {/* A handful per street (one per community): a marker each, with name, hours and address as its tooltip. */}
              {on.has('stations') &&
                stations.map((s) => (
                  <g
                    key={s.id}
                    className="gh-station"
                    transform={`translate(${s.at[0]} ${s.at[1]}) scale(${1 / view.k})`}
                    data-testid="station"
                    data-located={s.located}
                    aria-label={s.name}
                  >
                    <title>{stationTitle(s)}</title>
                    <path d="M0 0 L-7 -10 A8.5 8.5 0 1 1 7 -10 Z" fill="#c41d7f" stroke="#fff" strokeWidth={1.5} />
                    <text y={-12} fontSize={9} textAnchor="middle" fill="#fff" pointerEvents="none">
                      站
                    </text>
                  </g>
                ))}
              {shapes.grids.map((g) => {
                const c = counts.get(g.id);
                const badge = [
                  on.has('care') && c?.care ? `关怀${c.care}` : '',
                  on.has('partyHouseholds') && c?.partyHouseholds ? `党员户${c.partyHouseholds}` : '',
                ]
                  .filter(Boolean)
                  .join(' ');
                return badge ? (
                  <text
                    key={g.id}
                    data-testid="grid-badge"
                    x={g.label[0]}
                    y={g.label[1] + 14 / view.k}
                    fontSize={11 / view.k}
                    textAnchor="middle"
                    fill="#a8071a"
                  >
                    {badge}
                  </text>
                ) : null;
              })}
            </g>
          )}
        </svg>
      </div>
    </div>
  );
}
