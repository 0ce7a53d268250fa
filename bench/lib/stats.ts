/** Small helpers shared by the bench scripts (figures, not tests). */
export function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(s.length * p) - 1))]!;
}

export async function timeRuns(runs: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

export function describe(samples: number[]): { p50: number; p95: number } {
  return { p50: +percentile(samples, 0.5).toFixed(2), p95: +percentile(samples, 0.95).toFixed(2) };
}
