import { describe, expect, it } from 'vitest';
import { readingOrder, type OrderItem } from './grid-order.ts';

const box = (w: number, s: number, e: number, n: number): OrderItem => ({ s, n, cx: (w + e) / 2, cy: (s + n) / 2 });

describe('readingOrder', () => {
  it('reads a jittered 3×2 layout row by row, west→east, whatever the input order', () => {
    // Row cuts at slightly different latitudes in each column, as the generator produces.
    const layout = {
      nw: box(0, 1.1, 1, 2),
      n: box(1, 0.9, 2.2, 2),
      ne: box(2.2, 1.05, 3, 2),
      sw: box(0, 0, 1, 1.1),
      s: box(1, 0, 2.2, 0.9),
      se: box(2.2, 0, 3, 1.05),
    };
    const names = Object.keys(layout) as (keyof typeof layout)[];
    const shuffled = [names[4], names[0], names[5], names[2], names[3], names[1]] as (keyof typeof layout)[];
    const order = readingOrder(shuffled.map((k) => layout[k]));
    expect(order.map((i) => shuffled[i])).toEqual(['nw', 'n', 'ne', 'sw', 's', 'se']);
  });

  it('keeps a tall grid in the first row it belongs to', () => {
    // A tall grid on the east spans both rows; its centre falls inside the northern row's band.
    const items = [box(0, 1, 1, 2), box(0, 0, 1, 1), box(1, 0, 2, 2)];
    expect(readingOrder(items)).toEqual([0, 2, 1]);
  });

  it('orders a single column north→south', () => {
    expect(readingOrder([box(0, 0, 1, 1), box(0, 2, 1, 3), box(0, 1, 1, 2)])).toEqual([1, 2, 0]);
  });
});
