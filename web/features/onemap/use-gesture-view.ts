import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type MouseEvent,
  type PointerEvent,
  type RefObject,
} from 'react';
import { IDENTITY, panBy, zoomAt, type View } from '../grid-map/zoom.ts';

/** Below this many pixels a press is a click on a grid, not the start of a drag. */
const DRAG_THRESHOLD = 4;
/** A wheel gesture has ended when no step came for this long; then the map is drawn again, sharp. */
export const SETTLE_MS = 150;

/**
 * The CSS transform that shows a stage drawn at view `shown` as it would look at view `live`:
 * both are screen = v.(x, y) + v.k × world, so screen_live = s × screen_shown + t with s = k ratio.
 */
export function stageTransform(shown: View, live: View): string {
  const s = live.k / shown.k;
  const [tx, ty] = [live.x - s * shown.x, live.y - s * shown.y];
  return s === 1 && tx === 0 && ty === 0 ? '' : `translate(${tx}px, ${ty}px) scale(${s})`;
}

/**
 * Zoom and pan for a map whose layers are expensive to draw. During a gesture only the stage's
 * CSS transform changes (the compositor scales the last drawing: no React render, no raster);
 * when the gesture ends, `view` changes once and the layers are drawn again at the new view.
 * `frameRef` wraps the stage and receives the events; its box does not move.
 */
export function useGestureView(frameRef: RefObject<HTMLDivElement | null>, stageRef: RefObject<HTMLDivElement | null>) {
  const [view, setView] = useState<View>(IDENTITY);
  const live = useRef<View>(IDENTITY);
  // The view the stage's DOM shows now: it changes when React has committed `view`, not when set.
  const shown = useRef<View>(IDENTITY);
  const frame = useRef(0);
  const settle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const suppressClick = useRef(false);

  const applyNow = useCallback(() => {
    if (stageRef.current) stageRef.current.style.transform = stageTransform(shown.current, live.current);
  }, [stageRef]);
  // Events can outpace the screen: one transform per animation frame.
  const apply = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      applyNow();
    });
  }, [applyNow]);
  const commit = useCallback(() => {
    clearTimeout(settle.current);
    setView(live.current);
  }, []);

  // Same commit as the new `view`'s drawing: the residual transform (normally none) before paint.
  useLayoutEffect(() => {
    shown.current = view;
    applyNow();
  }, [view, applyNow]);
  useEffect(
    () => () => {
      cancelAnimationFrame(frame.current);
      clearTimeout(settle.current);
    },
    [],
  );

  useEffect(() => {
    const el = frameRef.current;
    if (!el) return;
    // React registers wheel listeners as passive; preventDefault (no page scroll) needs our own.
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const rect = el.getBoundingClientRect();
      live.current = zoomAt(live.current, e.clientX - rect.left, e.clientY - rect.top, Math.exp(-e.deltaY * 0.0015));
      apply();
      clearTimeout(settle.current);
      settle.current = setTimeout(commit, SETTLE_MS);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [frameRef, apply, commit]);

  const onPointerDown = useCallback((e: PointerEvent<HTMLDivElement>) => {
    if (e.button === 0) drag.current = { x: e.clientX, y: e.clientY, moved: false };
  }, []);

  const onPointerMove = useCallback(
    (e: PointerEvent<HTMLDivElement>) => {
      const d = drag.current;
      if (!d) return;
      const [dx, dy] = [e.clientX - d.x, e.clientY - d.y];
      if (!d.moved) {
        if (Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
        d.moved = true;
        // Capture only once it is a drag: capturing on press would steal the click from the grid.
        e.currentTarget.setPointerCapture(e.pointerId);
      }
      [d.x, d.y] = [e.clientX, e.clientY];
      live.current = panBy(live.current, dx, dy);
      apply();
    },
    [apply],
  );

  const onPointerUp = useCallback(() => {
    if (drag.current?.moved) {
      suppressClick.current = true;
      commit();
    }
    drag.current = null;
  }, [commit]);

  const onClickCapture = useCallback((e: MouseEvent) => {
    if (!suppressClick.current) return;
    suppressClick.current = false;
    e.stopPropagation();
  }, []);

  return {
    view,
    handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp, onClickCapture },
  };
}
