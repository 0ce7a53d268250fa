/** Test support: reads a real /api/events stream over HTTP, frame by frame. */
export interface SseFrame {
  id?: string;
  event: string;
  data?: unknown;
}

export interface SseReader {
  frames: SseFrame[];
  /** Waits until `predicate` holds over the frames received so far. */
  until(predicate: (frames: SseFrame[]) => boolean, timeoutMs?: number): Promise<SseFrame[]>;
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string>): Promise<SseReader> {
  const abort = new AbortController();
  const res = await fetch(url, { headers, signal: abort.signal });
  if (res.status !== 200) throw new Error(`SSE ${res.status}: ${await res.text()}`);
  const frames: SseFrame[] = [];
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        text += value;
        for (let end = text.indexOf('\n\n'); end >= 0; end = text.indexOf('\n\n')) {
          const block = text.slice(0, end);
          text = text.slice(end + 2);
          const frame: SseFrame = { event: 'message' };
          let fields = 0;
          for (const line of block.split('\n')) {
            const m = /^(id|event|data): ?(.*)$/.exec(line);
            if (!m) continue;
            fields++;
            if (m[1] === 'id') frame.id = m[2];
            else if (m[1] === 'event') frame.event = m[2]!;
            else frame.data = JSON.parse(m[2]!);
          }
          if (fields) frames.push(frame);
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    frames,
    async until(predicate, timeoutMs = 5_000) {
      const started = Date.now();
      while (!predicate(frames)) {
        if (Date.now() - started > timeoutMs) throw new Error(`等待 SSE 超时，已收到：${JSON.stringify(frames)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return frames;
    },
    close() {
      abort.abort();
    },
  };
}
