import { useEffect, useRef, useSyncExternalStore } from 'react';

export type LiveTopic =
  'case.reported' | 'case.changed' | 'notification' | 'meeting.changed' | 'booking.changed' | 'board.changed';
export interface LiveMessage {
  topic: LiveTopic;
  /** The server could not replay what this tab missed while away: reload, whatever the payload. */
  reset?: boolean;
  caseId?: number;
  caseNo?: string;
  state?: string;
  text?: string;
}

type Listener = { topics: Set<string>; deliver(message: LiveMessage): void };
// Community life (meetings, bookings, boards) shares the tab's one connection.
const TOPICS: LiveTopic[] = [
  'case.reported',
  'case.changed',
  'notification',
  'meeting.changed',
  'booking.changed',
  'board.changed',
];
const listeners = new Set<Listener>();
let source: EventSource | null = null;
/** The last cursor the server sent: a new connection resumes from it (?lastEventId=). */
let lastEventId = '';
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let retryMs = 1_000;

/** Whether live updates are interrupted: the connection is down, or the server cannot read events. */
const status = { connectionLost: false, serverDegraded: false };
const statusWatchers = new Set<() => void>();
let interrupted = false;
function setStatus(change: Partial<typeof status>): void {
  Object.assign(status, change);
  const next = status.connectionLost || status.serverDegraded;
  if (next === interrupted) return;
  interrupted = next;
  for (const watch of statusWatchers) watch();
}

function broadcast(message: LiveMessage, everyone = false): void {
  for (const listener of [...listeners]) if (everyone || listener.topics.has(message.topic)) listener.deliver(message);
}

/**
 * One EventSource for the whole tab, however many components listen: browsers allow only six
 * connections per host over HTTP/1.1, and each open EventSource holds one. EventSource itself
 * reconnects after a dropped connection (sending Last-Event-ID, so the server replays what we
 * missed); when it gives up (an error status, e.g. a proxy's 502 during a restart) we open a new
 * one with backoff, passing the cursor ourselves.
 */
function connect(): void {
  if (source) return;
  const url = lastEventId ? `/api/events?lastEventId=${encodeURIComponent(lastEventId)}` : '/api/events';
  const es = new EventSource(url, { withCredentials: true });
  source = es;
  const remember = (event: Event): void => {
    const id = (event as MessageEvent<string>).lastEventId;
    if (id) lastEventId = id;
  };
  for (const topic of TOPICS) {
    es.addEventListener(topic, (event) => {
      remember(event);
      let payload: Partial<LiveMessage> = {};
      try {
        payload = JSON.parse((event as MessageEvent<string>).data) as Partial<LiveMessage>;
      } catch {
        // A malformed event carries nothing worth acting on; the topic alone still triggers a reload.
      }
      broadcast({ ...payload, topic });
    });
  }
  es.addEventListener('position', remember);
  // The instance is shutting down: the stream ends and EventSource comes back (through the load
  // balancer, to another instance) within the server's `retry:`. Not an interruption to show.
  es.addEventListener('reconnect', (event) => {
    remember(event);
    movingOn = true;
  });
  es.addEventListener('reset', (event) => {
    remember(event);
    for (const listener of [...listeners])
      listener.deliver({ topic: [...listener.topics][0] as LiveTopic, reset: true });
  });
  es.addEventListener('status', (event) => {
    try {
      setStatus({
        serverDegraded: Boolean((JSON.parse((event as MessageEvent<string>).data) as { degraded?: boolean }).degraded),
      });
    } catch {
      // ignore a malformed status
    }
  });
  let movingOn = false;
  es.onopen = () => {
    retryMs = 1_000;
    movingOn = false;
    setStatus({ connectionLost: false });
  };
  es.onerror = () => {
    if (!movingOn || es.readyState === EventSource.CLOSED) setStatus({ connectionLost: true });
    if (es.readyState !== EventSource.CLOSED || source !== es) return;
    source = null;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (listeners.size) connect();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, 30_000);
  };
}

function disconnect(): void {
  source?.close();
  source = null;
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  setStatus({ connectionLost: false, serverDegraded: false });
}

/**
 * Calls `onMessage` for every live event of the given topics while the component is mounted, and
 * once with `reset: true` when the server could not replay what the tab missed: handlers that
 * look at the payload must reload on `m.reset` too.
 */
export function useLiveEvents(topics: LiveTopic[], onMessage: (message: LiveMessage) => void): void {
  const latest = useRef(onMessage);
  latest.current = onMessage;
  const key = topics.join(',');
  useEffect(() => subscribeLive(key.split(',') as LiveTopic[], (m) => latest.current(m)), [key]);
}

/** The hook's plain form: listens until the returned function is called. */
export function subscribeLive(topics: LiveTopic[], deliver: (message: LiveMessage) => void): () => void {
  const listener: Listener = { topics: new Set(topics), deliver };
  listeners.add(listener);
  connect();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) disconnect();
  };
}

/** Calls `watch` whenever live updates become interrupted or work again. */
export function watchLiveInterrupted(watch: () => void): () => void {
  statusWatchers.add(watch);
  return () => {
    statusWatchers.delete(watch);
  };
}

export const liveInterrupted = (): boolean => interrupted;

/** True while live updates are interrupted (the header shows it). */
export function useLiveInterrupted(): boolean {
  return useSyncExternalStore(watchLiveInterrupted, liveInterrupted);
}
