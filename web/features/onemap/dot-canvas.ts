import type { View } from '../grid-map/zoom';

/**
 * Dots on a <canvas>: as one batched SVG path, 10,000 round-capped dots cost ~0.5 s of software
 * rasterising on every zoom step; here each dot is one copy of a pre-drawn sprite, a few ms for all.
 */

/** The part of a 2D context the dots need (a fake one in unit tests: jsdom has no canvas). */
export type DotTarget = Pick<CanvasRenderingContext2D, 'drawImage'>;

/** A filled circle of `radius` CSS pixels, drawn once at the screen's pixel ratio. */
export function dotSprite(colour: string, radius: number, dpr: number): HTMLCanvasElement {
  const size = Math.ceil((radius + 1) * 2 * dpr);
  const sprite = document.createElement('canvas');
  sprite.width = sprite.height = size;
  const ctx = sprite.getContext('2d');
  if (ctx) {
    ctx.fillStyle = colour;
    ctx.beginPath();
    ctx.arc(size / 2, size / 2, radius * dpr, 0, 2 * Math.PI);
    ctx.fill();
  }
  return sprite;
}

/**
 * Draws every dot of `xy` (pairs at zoom 1) that shows on the width × height canvas at
 * `view`, with the sprite centred on it (size in CSS pixels). Returns how many it drew.
 */
export function drawDots(
  ctx: DotTarget,
  xy: Float32Array,
  view: View,
  width: number,
  height: number,
  sprite: CanvasImageSource,
  size: number,
): number {
  const half = size / 2;
  let drawn = 0;
  for (let i = 0; i < xy.length; i += 2) {
    const x = view.x + view.k * xy[i]!;
    const y = view.y + view.k * xy[i + 1]!;
    if (x < -half || y < -half || x > width + half || y > height + half) continue;
    ctx.drawImage(sprite, x - half, y - half, size, size);
    drawn++;
  }
  return drawn;
}
