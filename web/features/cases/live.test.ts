import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The browser's EventSource, reduced to what live.ts uses: node has none. Tests drive it the way
 * a server and a network would (frames, a dropped connection, an error status).
 */
class FakeEventSource {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSED = 2;
  static opened: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private handlers = new Map<string, ((e: { data: string; lastEventId: string }) => void)[]>();
  constructor(public url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, fn: (e: { data: string; lastEventId: string }) => void) {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), fn]);
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
  open() {
    this.readyState = FakeEventSource.OPEN;
    this.onopen?.();
  }
  emit(type: string, data: unknown, id = '') {
    for (const fn of this.handlers.get(type) ?? []) fn({ data: JSON.stringify(data), lastEventId: id });
  }
  fail(closed: boolean) {
    this.readyState = closed ? FakeEventSource.CLOSED : FakeEventSource.CONNECTING;
    this.onerror?.();
  }
}

describe('the live client', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.resetModules();
    FakeEventSource.opened = [];
    vi.stubGlobal('EventSource', FakeEventSource);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('tells every listener to reload on reset, and only the right topics otherwise', async () => {
    const live = await import('./live');
    const cases: unknown[] = [];
    const bell: unknown[] = [];
    const stop = [
      live.subscribeLive(['case.changed'], (m) => cases.push(m)),
      live.subscribeLive(['notification'], (m) => bell.push(m)),
    ];
    const es = FakeEventSource.opened[0]!;
    es.emit('notification', { text: '新' }, '5-1');
    es.emit('reset', {}, '9-3');
    expect(cases).toEqual([{ topic: 'case.changed', reset: true }]);
    expect(bell).toEqual([
      { text: '新', topic: 'notification' },
      { topic: 'notification', reset: true },
    ]);
    stop.forEach((s) => s());
  });

  it('shows the interruption while the server is degraded or the connection is down', async () => {
    const live = await import('./live');
    const stop = live.subscribeLive(['notification'], () => undefined);
    const es = FakeEventSource.opened[0]!;
    es.open();
    es.emit('status', { degraded: false });
    expect(live.liveInterrupted()).toBe(false);
    es.emit('status', { degraded: true });
    expect(live.liveInterrupted()).toBe(true);
    es.emit('status', { degraded: false });
    es.fail(false);
    expect(live.liveInterrupted()).toBe(true);
    es.open();
    expect(live.liveInterrupted()).toBe(false);
    stop();
  });

  it('does not show an interruption when a stopping instance sends the tab elsewhere', async () => {
    const live = await import('./live');
    const stop = live.subscribeLive(['notification'], () => undefined);
    const es = FakeEventSource.opened[0]!;
    es.open();
    es.emit('reconnect', { reason: '服务实例正在停止，请重新连接' }, '41-2');
    es.fail(false); // the stream ended; EventSource reconnects by itself
    expect(live.liveInterrupted()).toBe(false);
    es.open();
    es.fail(false); // a later, unannounced drop is shown again
    expect(live.liveInterrupted()).toBe(true);
    stop();
  });

  it('reopens a connection the browser gave up on, resuming from the last cursor', async () => {
    const live = await import('./live');
    const stop = live.subscribeLive(['notification'], () => undefined);
    const first = FakeEventSource.opened[0]!;
    expect(first.url).toBe('/api/events');
    first.open();
    first.emit('position', {}, '40-7');
    first.fail(true);
    expect(FakeEventSource.opened).toHaveLength(1);
    vi.advanceTimersByTime(1_000);
    expect(FakeEventSource.opened.map((e) => e.url)).toEqual(['/api/events', '/api/events?lastEventId=40-7']);
    stop();
  });
});
