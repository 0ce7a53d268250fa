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
  /** How long the first alarm of a batch waits for company while its lane is free. */
  lingerMs: number;
  /** Lanes: transactions in flight at once (each takes a pool connection). */
  parallel: number;
}

/** A device's lane: the same device always goes to the same lane (FNV-1a of its code). */
function laneOf(code: string, lanes: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) h = Math.imul(h ^ code.charCodeAt(i), 0x01000193);
  return (h >>> 0) % lanes;
}

/**
 * Gathers the alarms the MQTT consumers hand in and writes them in batches: one transaction per
 * batch instead of one per alarm is what lets a burst of thousands through in about a second.
 * Alarms go to `parallel` lanes by device, one transaction in flight per lane: a batch locks its
 * devices, so two batches sharing devices would only wait for each other (measured: 78 ms of a
 * batch's time was that wait), while lanes of disjoint devices commit side by side.
 * Each alarm is acknowledged only after its batch committed (PUBACK after commit, deferred-acks.ts),
 * so a batch holds at most the alarms the consumers may keep unacknowledged. A batch that fails is
 * retried alarm by alarm, so one alarm the database refuses never holds back the others; that
 * alarm's promise rejects.
 */
export function createAlarmBatcher(ingest: Ingest, options: BatcherOptions) {
  const lanes = Array.from({ length: Math.max(1, options.parallel) }, () => ({
    queue: [] as Waiting[],
    busy: false,
    timer: null as NodeJS.Timeout | null,
  }));
  type Lane = (typeof lanes)[number];

  async function write(batch: Waiting[]): Promise<void> {
    try {
      const results = await ingest(batch.map((w) => w.alarm));
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const w of batch) await write([w]);
    }
  }

  function pump(lane: Lane): void {
    if (lane.busy || !lane.queue.length) return;
    if (lane.timer) clearTimeout(lane.timer);
    lane.timer = null;
    lane.busy = true;
    void write(lane.queue.splice(0, options.maxBatch)).finally(() => {
      lane.busy = false;
      pump(lane);
    });
  }

  return {
    add(alarm: IncomingAlarm): Promise<IngestResult> {
      return new Promise<IngestResult>((resolve, reject) => {
        const lane = lanes[laneOf(alarm.code, lanes.length)]!;
        lane.queue.push({ alarm, resolve, reject });
        if (lane.queue.length >= options.maxBatch) pump(lane);
        else
          lane.timer ??= setTimeout(() => {
            lane.timer = null;
            pump(lane);
          }, options.lingerMs);
      });
    },
  };
}
