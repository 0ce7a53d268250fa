/**
 * A client that behaves like a browser towards one base URL (an instance or the load balancer):
 * keeps cookies, sends the CSRF header, reads JSON. Real HTTP, no app.inject.
 */
import { CLUSTER_PASSWORD } from './databases.ts';

export interface Reply {
  status: number;
  body: unknown;
  headers: Headers;
}

export class HttpClient {
  readonly cookies = new Map<string, string>();
  constructor(public baseUrl: string) {}

  /** The same session, sent to another address (log in on one instance, act on the other). */
  at(baseUrl: string): HttpClient {
    const other = new HttpClient(baseUrl);
    for (const [k, v] of this.cookies) other.cookies.set(k, v);
    return other;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<Reply> {
    const headers: Record<string, string> = { cookie: this.cookieHeader() };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const csrf = this.cookies.get('gh_csrf');
    if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON (csv, xlsx) */
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  async login(username: string, password = CLUSTER_PASSWORD): Promise<Reply> {
    return this.request('POST', '/api/auth/login', { username, password });
  }
}

export interface SseEvent {
  event: string;
  data: string;
  id?: string;
  at: number;
}

/**
 * Reads /api/events as EventSource would, recording every event with its arrival time, until
 * close() or the stream ends (`ended` resolves).
 */
export function openEventStream(client: HttpClient, options: { lastEventId?: string } = {}) {
  const events: SseEvent[] = [];
  const controller = new AbortController();
  let retry: number | null = null;
  let opened!: () => void;
  const ready = new Promise<void>((resolve) => {
    opened = resolve;
  });
  const ended = (async () => {
    const headers: Record<string, string> = { cookie: client.cookieHeader(), accept: 'text/event-stream' };
    if (options.lastEventId) headers['last-event-id'] = options.lastEventId;
    const res = await fetch(`${client.baseUrl}/api/events`, { headers, signal: controller.signal });
    if (res.status !== 200) throw new Error(`/api/events answered ${res.status}`);
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body!) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        if (buffer.includes(': connected')) opened();
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event: SseEvent = { event: 'message', data: '', at: Date.now() };
          let any = false;
          for (const line of block.split('\n')) {
            const [field, ...rest] = line.split(':');
            const value = rest.join(':').replace(/^ /, '');
            if (field === 'event') {
              event.event = value;
              any = true;
            } else if (field === 'data') {
              event.data += value;
              any = true;
            } else if (field === 'id') event.id = value;
            else if (field === 'retry') retry = Number(value);
          }
          if (any) events.push(event);
        }
      }
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    }
  })();
  ended.catch(() => opened());
  return {
    events,
    ready,
    ended,
    /** The `retry:` the server asked for, if any. */
    get retry() {
      return retry;
    },
    async waitFor(predicate: (e: SseEvent) => boolean, timeoutMs: number): Promise<SseEvent> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hit = events.find(predicate);
        if (hit) return hit;
        if (Date.now() > deadline)
          throw new Error(`no matching event within ${timeoutMs} ms; got ${events.map((e) => e.event).join(', ')}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close() {
      controller.abort();
    },
  };
}
