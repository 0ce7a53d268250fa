import { describe, expect, it } from 'vitest';
import { safeCell } from './safe-cell.ts';

describe('safeCell', () => {
  it.each(['=1+1', '+86', '-2', '@SUM(A1)', '\tx', '\r=1', '=HYPERLINK("http://x","y")'])('neutralises %j', (v) =>
    expect(safeCell(v)).toBe(`'${v}`),
  );
  it.each([
    ['王芳', '王芳'],
    [12, 12],
    [-3.5, -3.5],
    [0, 0],
    ['a=b', 'a=b'],
    [null, null],
    [undefined, null],
  ])('keeps %j as %j', (v, out) => expect(safeCell(v)).toBe(out));
});
