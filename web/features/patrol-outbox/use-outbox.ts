import { useCallback, useEffect, useState } from 'react';
import { outbox, type QueuedReport } from './queue-store';
import { syncAll, syncReport } from './sync';
import { httpTransport } from './transport';

/** The account's queued reports, re-read after every change to the queue. */
export function useOutbox(userId: number): { items: QueuedReport[]; unsent: number } {
  const [items, setItems] = useState<QueuedReport[]>([]);
  useEffect(() => {
    let live = true;
    // A browser without IndexedDB (some private modes) simply shows an empty queue.
    const load = () =>
      outbox.list(userId).then(
        (rows) => live && setItems(rows),
        () => undefined,
      );
    void load();
    const stop = outbox.subscribe(() => void load());
    return () => {
      live = false;
      stop();
    };
  }, [userId]);
  return { items, unsent: items.filter((r) => r.state !== 'synced').length };
}

/** Send what waits now; the manual button also retries 失败 ones. */
export function useOutboxSync(userId: number) {
  const syncNow = useCallback(
    (includeFailed = false) => syncAll(outbox, userId, httpTransport, { includeFailed }),
    [userId],
  );
  const retry = useCallback((clientRef: string) => syncReport(outbox, clientRef, httpTransport), []);
  return { syncNow, retry };
}

const SYNCED_KEPT_MS = 3 * 24 * 3600 * 1000;

/**
 * Sends the queue when the app starts (after clearing 同步中 left by a page closed mid-send)
 * and whenever the browser says it is back online.
 */
export function useAutoSync(userId: number): void {
  const { syncNow } = useOutboxSync(userId);
  useEffect(() => {
    const run = () => {
      if (navigator.onLine) void syncNow().catch(() => undefined);
    };
    void outbox
      .resetInterrupted(userId)
      .then(() => outbox.pruneSynced(userId, SYNCED_KEPT_MS))
      .then(run)
      .catch(() => undefined);
    window.addEventListener('online', run);
    return () => window.removeEventListener('online', run);
  }, [userId, syncNow]);
}
