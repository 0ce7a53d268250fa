import { useEffect, useState } from 'react';

/**
 * Counts seconds since the last touch, key or click. `remaining` is the number of seconds left
 * once the last 15 are running (null before), and `onIdle` fires when none are left — the
 * terminal forgets the resident and returns to its start screen.
 */
export function useIdleReset(idleSeconds: number, active: boolean, onIdle: () => void) {
  const [last, setLast] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const touch = () => setLast(Date.now());
    const events = ['pointerdown', 'keydown', 'touchstart', 'input'] as const;
    for (const e of events) window.addEventListener(e, touch, { passive: true });
    const tick = window.setInterval(() => setNow(Date.now()), 250);
    return () => {
      for (const e of events) window.removeEventListener(e, touch);
      window.clearInterval(tick);
    };
  }, []);
  const left = Math.ceil((last + idleSeconds * 1000 - now) / 1000);
  useEffect(() => {
    if (active && left <= 0) {
      setLast(Date.now());
      onIdle();
    }
  }, [active, left, onIdle]);
  return {
    remaining: active && left <= Math.min(15, idleSeconds) ? Math.max(0, left) : null,
    touch: () => setLast(Date.now()),
  };
}
