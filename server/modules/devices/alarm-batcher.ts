import type { IncomingAlarm, IngestResult } from './commands/ingest-alarm.ts';

type Ingest = (alarms: IncomingAlarm[]) => Promise<IngestResult[]>;
interface Waiting {
  alarm: IncomingAlarm;
  resolve: (result: IngestResult) => void;
  reject: (error: unknown) => void;
}

export interface BatcherOptions {
  /** Most alarms written in one transaction. */
  maxBatch: number;
  /** How long the first alarm of a batch waits for company while a slot is free. */
  lingerMs: number;
  /** Transactions in flight at once (each takes a pool connection). */
  parallel: number;
}

/**
 * Gathers the alarms the MQTT consumers hand in and writes them in batches: one transaction per
 * batch instead of one per alarm is what lets a burst of thousands through in about a second.
 * Each alarm is acknowledged only after its batch committed (PUBACK after commit, deferred-acks.ts),
 * so a batch holds at most the alarms the consumers may keep unacknowledged. A batch that fails is retried alarm by alarm, so
 * one alarm the database refuses never holds back the others; that alarm's promise rejects.
 */
export function createAlarmBatcher(ingest: Ingest, options: BatcherOptions) {
  const queue: Waiting[] = [];
  let inFlight = 0;
  let timer: NodeJS.Timeout | null = null;

  async function write(batch: Waiting[]): Promise<void> {
    try {
      const results = await ingest(batch.map((w) => w.alarm));
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const w of batch) await write([w]);
    }
  }

  function pump(): void {
    while (inFlight < options.parallel && queue.length) {
      const batch = queue.splice(0, options.maxBatch);
      inFlight++;
      void write(batch).finally(() => {
        inFlight--;
        pump();
      });
    }
  }

  return {
    add(alarm: IncomingAlarm): Promise<IngestResult> {
      return new Promise<IngestResult>((resolve, reject) => {
        queue.push({ alarm, resolve, reject });
        if (queue.length >= options.maxBatch) {
          if (timer) clearTimeout(timer);
          timer = null;
          pump();
        } else if (!timer) {
          timer = setTimeout(() => {
            timer = null;
            pump();
          }, options.lingerMs);
        }
      });
    },
  };
}
