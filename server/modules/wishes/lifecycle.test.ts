import { describe, expect, it } from 'vitest';
import {
  nextWishState,
  WISH_ACTIONS,
  WISH_STATES,
  WishTransitionError,
  type WishAction,
  type WishState,
} from './lifecycle.ts';

// The full table written out: every (state, action) not listed here must be refused.
const ALLOWED: [WishState, WishAction, WishState][] = [
  ['pending_review', 'approve', 'open'],
  ['pending_review', 'reject', 'rejected'],
  ['pending_review', 'withdraw', 'withdrawn'],
  ['open', 'withdraw', 'withdrawn'],
  ['open', 'claim', 'claimed'],
  ['open', 'dispatch', 'claimed'],
  ['claimed', 'release', 'open'],
  ['claimed', 'fulfil', 'fulfilled'],
  ['fulfilled', 'confirm', 'confirmed'],
  ['fulfilled', 'return', 'claimed'],
  ['confirmed', 'thank', 'thanked'],
];

describe('wish lifecycle', () => {
  it.each(ALLOWED)('%s --%s--> %s', (from, action, to) => {
    expect(nextWishState(from, action)).toBe(to);
  });
  const forbidden = WISH_STATES.flatMap((s) => WISH_ACTIONS.map((a) => [s, a] as const)).filter(
    ([s, a]) => !ALLOWED.some(([f, x]) => f === s && x === a),
  );
  it.each(forbidden)('refuses %s --%s', (state, action) => {
    expect(() => nextWishState(state, action)).toThrow(WishTransitionError);
  });
  it('keeps final states final', () => {
    for (const s of ['thanked', 'rejected', 'withdrawn'] as const)
      for (const a of WISH_ACTIONS) expect(() => nextWishState(s, a)).toThrow();
  });
});
