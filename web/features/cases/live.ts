import { useEffect, useRef } from 'react';

export type LiveTopic = 'case.reported' | 'case.changed' | 'notification' | 'meeting.changed' | 'booking.changed' | 'board.changed';
export interface LiveMessage {
  topic: LiveTopic;
  caseId?: number;
  caseNo?: string;
  state?: string;
  text?: string;
}

type Listener = (message: LiveMessage) => void;
// Community life (meetings, bookings, boards) shares the tab's one connection.
const TOPICS: LiveTopic[] = ['case.reported', 'case.changed', 'notification', 'meeting.changed', 'booking.changed', 'board.changed'];
const listeners = new Set<Listener>();
let source: EventSource | null = null;

/**
 * One EventSource for the whole tab, however many components listen: browsers allow only six
 * connections per host over HTTP/1.1, and each open EventSource holds one.
 */
function connect(): void {
  if (source) return;
  source = new EventSource('/api/events', { withCredentials: true });
  for (const topic of TOPICS) {
    source.addEventListener(topic, (event) => {
      let payload: Partial<LiveMessage> = {};
      try {
        payload = JSON.parse((event as MessageEvent<string>).data) as Partial<LiveMessage>;
      } catch {
        // A malformed event carries nothing worth acting on; the topic alone still triggers a reload.
      }
      for (const listener of [...listeners]) listener({ ...payload, topic });
    });
  }
}

function disconnect(): void {
  source?.close();
  source = null;
}

/** Calls `onMessage` for every live event of the given topics while the component is mounted. */
export function useLiveEvents(topics: LiveTopic[], onMessage: Listener): void {
  const latest = useRef(onMessage);
  latest.current = onMessage;
  const key = topics.join(',');
  useEffect(() => {
    const wanted = new Set(key.split(','));
    const listener: Listener = (m) => {
      if (wanted.has(m.topic)) latest.current(m);
    };
    listeners.add(listener);
    connect();
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) disconnect();
    };
  }, [key]);
}
