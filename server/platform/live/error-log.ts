/**
 * console.error, at most once per `everyMs` per context: a database that is down fails every
 * poll, and one line per half second would bury everything else. Suppressed repeats are counted
 * in the next line.
 */
export function createErrorLog(everyMs = 30_000) {
  const last = new Map<string, { at: number; suppressed: number }>();
  return {
    error(context: string, error: unknown): void {
      const now = Date.now();
      const seen = last.get(context);
      if (seen && now - seen.at < everyMs) {
        seen.suppressed++;
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      const repeats = seen?.suppressed ? `（此前 ${Math.round(everyMs / 1000)} 秒内另有 ${seen.suppressed} 次）` : '';
      console.error(`${context}${repeats}：${message}`);
      last.set(context, { at: now, suppressed: 0 });
    },
  };
}
