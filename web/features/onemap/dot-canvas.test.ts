import { describe, expect, it } from 'vitest';
import { zoomAt } from '../grid-map/zoom';
import { drawDots, type DotTarget } from './dot-canvas';
import { stageTransform } from './use-gesture-view';

/** Records where each sprite went, as a canvas would draw it. */
function recorder() {
  const at: number[][] = [];
  const ctx = {
    drawImage: (_img: unknown, x: number, y: number, w: number, h: number) => {
      at.push([x, y, w, h]);
    },
  } as unknown as DotTarget;
  return { ctx, at };
}
const sprite = {} as CanvasImageSource;

describe('dot canvas', () => {
  it('places each dot at the view and counts only those it drew', () => {
    const { ctx, at } = recorder();
    const xy = new Float32Array([10, 10, 50, 20, 500, 500]);
    // Zoom 2 shifted by (5, -5): (10,10) → (25,15), (50,20) → (105,35), (500,500) → off a 200 × 100 canvas.
    expect(drawDots(ctx, xy, { k: 2, x: 5, y: -5 }, 200, 100, sprite, 8)).toBe(2);
    expect(at).toEqual([
      [21, 11, 8, 8],
      [101, 31, 8, 8],
    ]);
  });

  it('keeps a dot whose edge still shows at the canvas border', () => {
    const { ctx } = recorder();
    expect(drawDots(ctx, new Float32Array([-3, 50, -5, 50, 203, 50]), { k: 1, x: 0, y: 0 }, 200, 100, sprite, 8)).toBe(
      2,
    );
  });
});

describe('stage transform during a gesture', () => {
  const apply = (css: string, [x, y]: number[]) => {
    const m = /translate\((.+)px, (.+)px\) scale\((.+)\)/.exec(css);
    if (!m) return [x!, y!];
    const [tx, ty, s] = m.slice(1).map(Number) as [number, number, number];
    return [tx + s * x!, ty + s * y!];
  };

  it('shows the drawn stage where the live view would put it', () => {
    const shown = { k: 2, x: -100, y: 40 };
    const live = zoomAt(zoomAt(shown, 300, 200, 1.4), 120, 80, 0.8);
    const css = stageTransform(shown, live);
    for (const world of [
      [0, 0],
      [37, 91],
      [400, -20],
    ]) {
      const drawnAt = [shown.x + shown.k * world[0]!, shown.y + shown.k * world[1]!];
      const wanted = [live.x + live.k * world[0]!, live.y + live.k * world[1]!];
      const got = apply(css, drawnAt);
      expect(got[0]).toBeCloseTo(wanted[0]!, 6);
      expect(got[1]).toBeCloseTo(wanted[1]!, 6);
    }
  });

  it('is no transform once the drawing has caught up', () => {
    expect(stageTransform({ k: 3, x: 5, y: 6 }, { k: 3, x: 5, y: 6 })).toBe('');
  });
});
