import { useCallback, useEffect, useRef, useState, type PointerEvent, type MouseEvent } from 'react';
import { IDENTITY, panBy, zoomAt, type View } from './zoom';

/** Below this many pixels a press is a click on a grid, not the start of a drag. */
const DRAG_THRESHOLD = 4;

export function useZoomPan() {
  const svgRef = useRef<SVGSVGElement>(null);
  const [view, setView] = useState<View>(IDENTITY);
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const suppressClick = useRef(false);
  const queued = useRef<((v: View) => View)[]>([]);
  const frame = useRef(0);

  // Wheel and pointer events can outpace the screen: apply them once per animation frame.
  const update = useCallback((change: (v: View) => View) => {
    queued.current.push(change);
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const changes = queued.current;
      queued.current = [];
      setView((v) => changes.reduce((acc, f) => f(acc), v));
    });
  }, []);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    // React registers wheel listeners as passive; preventDefault (no page scroll) needs our own.
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const rect = svg.getBoundingClientRect();
      const [x, y, factor] = [e.clientX - rect.left, e.clientY - rect.top, Math.exp(-e.deltaY * 0.0015)];
      update((v) => zoomAt(v, x, y, factor));
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, [update]);

  const onPointerDown = useCallback((e: PointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    drag.current = { x: e.clientX, y: e.clientY, moved: false };
  }, []);

  const onPointerMove = useCallback(
    (e: PointerEvent<SVGSVGElement>) => {
      const d = drag.current;
      if (!d) return;
      const dx = e.clientX - d.x;
      const dy = e.clientY - d.y;
      if (!d.moved) {
        if (Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
        d.moved = true;
        // Capture only once it is a drag: capturing on press would steal the click from the grid.
        e.currentTarget.setPointerCapture(e.pointerId);
      }
      d.x = e.clientX;
      d.y = e.clientY;
      update((v) => panBy(v, dx, dy));
    },
    [update],
  );

  const onPointerUp = useCallback(() => {
    if (drag.current?.moved) suppressClick.current = true;
    drag.current = null;
  }, []);

  const onClickCapture = useCallback((e: MouseEvent) => {
    if (!suppressClick.current) return;
    suppressClick.current = false;
    e.stopPropagation();
  }, []);

  const zoomCentre = useCallback((factor: number) => {
    const svg = svgRef.current;
    if (!svg) return;
    setView((v) => zoomAt(v, svg.clientWidth / 2, svg.clientHeight / 2, factor));
  }, []);

  const reset = useCallback(() => setView(IDENTITY), []);

  return {
    svgRef,
    view,
    reset,
    zoomCentre,
    handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp, onClickCapture },
  };
}
