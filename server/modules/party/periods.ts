import type { PeriodKind } from './schema.ts';

// China has kept UTC+8 without daylight saving since 1991, so Asia/Shanghai reckoning is a fixed shift.
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

export interface Period {
  kind: PeriodKind;
  key: string;
  start: Date;
  end: Date;
}

function shanghaiStart(year: number, month0: number): Date {
  return new Date(Date.UTC(year, month0, 1) - SHANGHAI_OFFSET_MS);
}

/** The month, quarter or year containing `at`, as Asia/Shanghai calendar periods [start, end). */
export function periodOf(kind: PeriodKind, at: Date): Period {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  const y = local.getUTCFullYear(),
    m = local.getUTCMonth();
  if (kind === 'month')
    return {
      kind,
      key: `${y}-${String(m + 1).padStart(2, '0')}`,
      start: shanghaiStart(y, m),
      end: shanghaiStart(y, m + 1),
    };
  if (kind === 'quarter') {
    const q = Math.floor(m / 3);
    return { kind, key: `${y}-Q${q + 1}`, start: shanghaiStart(y, q * 3), end: shanghaiStart(y, q * 3 + 3) };
  }
  return { kind, key: String(y), start: shanghaiStart(y, 0), end: shanghaiStart(y + 1, 0) };
}

/** 'YYYY-MM' → the month's bounds in Asia/Shanghai. */
export function monthBounds(month: string): Period {
  const [y, m] = month.split('-').map(Number);
  return periodOf('month', shanghaiStart(y!, m! - 1));
}

/** The Shanghai calendar month 'YYYY-MM' of an instant. */
export function monthOf(at: Date): string {
  return periodOf('month', at).key;
}

/** Elapsed share of the period at `now`, clamped to [0, 1]. */
export function elapsedShare(period: Period, now: Date): number {
  const share = (now.getTime() - period.start.getTime()) / (period.end.getTime() - period.start.getTime());
  return Math.min(1, Math.max(0, share));
}

/**
 * Pace rule for the automatic alert (documented for members in the web app):
 * points are expected to accrue linearly over the period, so the pace needed to reach the
 * target by `now` is target × elapsed share. Nobody is judged in the first half of a period
 * (points arrive in bursts: a monthly 红色星期六 alone is worth several); from mid-period on, a
 * member whose points are below target × elapsed share is behind — at exactly mid-period that
 * is "below 50% of the target".
 */
export function isBehindPace(points: number, target: number, share: number): boolean {
  return target > 0 && share >= 0.5 && points < target * share;
}

export function expectedPoints(target: number, share: number): number {
  return Math.ceil(target * share);
}
