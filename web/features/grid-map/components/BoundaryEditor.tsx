import { useRef, type PointerEvent, type RefObject } from 'react';
import type { Point, Project } from '../projection';
import type { Position } from '../types';
import type { View } from '../zoom';
import { insertVertex, midpoint, moveVertex, removeVertex, type Draft, type VertexRef } from '../edit/boundary-draft';

interface Props {
  draft: Draft;
  project: Project;
  unproject: (p: Point) => Position;
  view: View;
  svgRef: RefObject<SVGSVGElement | null>;
  crossings: Position[];
  onChange: (draft: Draft) => void;
}

/**
 * Handles over the boundary being edited, drawn in map space (inside the zoom transform):
 * drag a vertex to move it, click an edge's midpoint to add one there, double-click a vertex
 * to remove it. Handles keep their screen size whatever the zoom.
 */
export function BoundaryEditor({ draft, project, unproject, view, svgRef, crossings, onChange }: Props) {
  const dragging = useRef<VertexRef | null>(null);
  const r = 6 / view.k;
  const toMap = (e: PointerEvent): Position => {
    const rect = svgRef.current!.getBoundingClientRect();
    return unproject([(e.clientX - rect.left - view.x) / view.k, (e.clientY - rect.top - view.y) / view.k]);
  };
  const startDrag = (e: PointerEvent<SVGCircleElement>, at: VertexRef) => {
    e.stopPropagation(); // not a pan of the map
    e.currentTarget.setPointerCapture(e.pointerId);
    dragging.current = at;
  };
  const onMove = (e: PointerEvent<SVGCircleElement>) => {
    if (!dragging.current) return;
    e.stopPropagation();
    onChange(moveVertex(draft, dragging.current, toMap(e)));
  };
  const endDrag = () => {
    dragging.current = null;
  };
  const d = draft
    .flatMap((rings) => rings.map((ring) => `M${ring.map((v) => project(v).join(' ')).join('L')}Z`))
    .join('');

  return (
    <g className="gh-editor">
      <path d={d} fillRule="evenodd" className="gh-editor-shape" strokeWidth={2 / view.k} />
      {draft.map((rings, part) =>
        rings.map((ring, k) =>
          ring.map((v, index) => {
            const next = ring[(index + 1) % ring.length]!;
            const [mx, my] = project(midpoint(v, next));
            const [x, y] = project(v);
            const at = { part, ring: k, index };
            return (
              <g key={`${part}-${k}-${index}`}>
                <circle
                  className="gh-editor-mid"
                  cx={mx}
                  cy={my}
                  r={r * 0.7}
                  strokeWidth={1 / view.k}
                  aria-label="在此处添加顶点"
                  onPointerDown={(e) => e.stopPropagation()}
                  onClick={(e) => {
                    e.stopPropagation();
                    onChange(insertVertex(draft, at, midpoint(v, next)));
                  }}
                />
                <circle
                  className="gh-editor-vertex"
                  cx={x}
                  cy={y}
                  r={r}
                  strokeWidth={1.5 / view.k}
                  data-vertex={`${part}-${k}-${index}`}
                  aria-label="顶点（拖动移动，双击删除）"
                  onPointerDown={(e) => startDrag(e, at)}
                  onPointerMove={onMove}
                  onPointerUp={endDrag}
                  onPointerCancel={endDrag}
                  onClick={(e) => e.stopPropagation()}
                  onDoubleClick={(e) => {
                    e.stopPropagation();
                    const next2 = removeVertex(draft, at);
                    if (next2) onChange(next2);
                  }}
                />
              </g>
            );
          }),
        ),
      )}
      {crossings.map((p, i) => {
        const [x, y] = project(p);
        return <circle key={i} className="gh-editor-crossing" cx={x} cy={y} r={r * 1.4} strokeWidth={2 / view.k} />;
      })}
    </g>
  );
}
